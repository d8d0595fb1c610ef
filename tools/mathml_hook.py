"""mkdocs hook: replace the math that pymdownx.arithmatex protected from Markdown with MathML (latex2mathml).

Browsers render MathML natively, so the site needs neither MathJax nor a network connection. A formula that
latex2mathml cannot convert is a build error naming the page and the formula."""
import html, re
from latex2mathml.converter import convert

_MATH = re.compile(r'<(span|div) class="arithmatex">\s*\\[\(\[](.*?)\\[\)\]]\s*</\1>', re.S)


def on_page_content(content, page, config, files):
    def sub(m):
        tex = html.unescape(m.group(2)).strip()
        try: return convert(tex, display='block' if m.group(1) == 'div' else 'inline')
        except Exception as e: raise ValueError(f"{page.file.src_path}: cannot convert formula {tex!r} to MathML: {e}") from e
    return _MATH.sub(sub, content)

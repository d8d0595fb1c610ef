#| default_exp real

test_eq(changed_artifacts({'a.png': 1, 'b.csv': 2}, {'a.png': 1, 'b.csv': 3, 'tables/c.md': 4}),
        [('b.csv', 'table'), ('tables/c.md', 'table')])
test_eq(changed_artifacts({}, {}), [])
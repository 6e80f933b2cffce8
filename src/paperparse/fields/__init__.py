"""Small pure field parsers: each reads one kind of value from a cleaned line."""

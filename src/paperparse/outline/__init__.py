"""The page outline: what a text dump or an HTML page shows, as typed blocks."""

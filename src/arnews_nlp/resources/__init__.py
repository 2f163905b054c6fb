"""Package data (lexicons, gazetteers, rules) and the resource locator."""

content-hashed copy of a theme asset

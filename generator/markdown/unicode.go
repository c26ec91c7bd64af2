package markdown

import "unicode"

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }
func isDigit(r rune) bool  { return unicode.IsDigit(r) }

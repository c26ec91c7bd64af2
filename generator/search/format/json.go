package format

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return
}()

// AppendJSONString appends s as encoding/json.Marshal writes a string.
func AppendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			b = appendEscape(b, c)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"

// appendEscape appends the JSON escape of an ASCII byte that is not jsonSafe.
func appendEscape(b []byte, c byte) []byte {
	switch c {
	case '\\', '"':
		return append(b, '\\', c)
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	}
	return append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
}

// AppendJSONList writes xs as a JSON array (null for a nil slice), each
// element written by one.
func AppendJSONList[T any](b []byte, xs []T, one func([]byte, T) []byte) []byte {
	if xs == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, x := range xs {
		if i > 0 {
			b = append(b, ',')
		}
		b = one(b, x)
	}
	return append(b, ']')
}

// appendJSONStrings writes ss as a JSON array.
func appendJSONStrings(b []byte, ss []string) []byte { return AppendJSONList(b, ss, AppendJSONString) }

// AppendInts writes xs as a JSON array.
func AppendInts(b []byte, xs []int32) []byte {
	return AppendJSONList(b, xs, func(b []byte, x int32) []byte { return strconv.AppendInt(b, int64(x), 10) })
}

// Clean is s as a record holds it: valid UTF-8, white space collapsed.
func Clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return collapse(s)
}

// plainJSON marks the bytes that stand for themselves in collapsed JSON text.
var plainJSON = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = jsonSafe[c] && !asciiSpace[c]
	}
	return
}()

// AppendCleanJSON appends Clean(s) as a JSON string, in one pass for
// valid UTF-8.
func AppendCleanJSON(b []byte, s string) []byte {
	if !utf8.ValidString(s) {
		return AppendJSONString(b, Clean(s))
	}
	b = append(b, '"')
	n0 := len(b)
	space := false // white space seen after some text
	for i := 0; i < len(s); {
		j := i
		for j < len(s) {
			if plainJSON[s[j]] {
				j++
			} else if s[j] == ' ' && j > i && j+1 < len(s) && plainJSON[s[j+1]] {
				j += 2 // a lone space between words, as collapsed text has them
			} else {
				break
			}
		}
		if j > i {
			if space {
				b = append(b, ' ')
				space = false
			}
			b = append(b, s[i:j]...)
			i = j
			if i == len(s) {
				break
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				space = len(b) > n0
				i++
				continue
			}
			if space {
				b = append(b, ' ')
				space = false
			}
			b = appendEscape(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = len(b) > n0
			i += size
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, s[i:i+size]...)
		i += size
	}
	return append(b, '"')
}

// AppendCleanStrings writes ss as an array of cleaned strings ([] for none).
func AppendCleanStrings(b []byte, ss []string) []byte {
	if ss == nil {
		ss = []string{}
	}
	return AppendJSONList(b, ss, AppendCleanJSON)
}

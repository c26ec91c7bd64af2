// Package vocab numbers the folded words of texts (search/format's word
// rules) for the index writer: texts go in, word numbers come out, and a
// word's number is its index in Words.
package vocab

import (
	"encoding/binary"
	"strings"
	"unicode/utf8"
	"unsafe"

	"kbsite/generator/search/format"
)

// Vocab numbers the folded words of texts. Words of up to 16 bytes,
// nearly all, are kept in an open-addressing table with the bytes inline, so
// a lookup compares two integers in one cache line; longer ones in a map.
type Vocab struct {
	slots []wslot // len is a power of 2, at most half full
	long  map[string]int32
	words []string
	toks  []format.Token
}

type wslot struct {
	k0, k1 uint64 // the word's bytes, little-endian, zero padded
	id     int32  // id+1; 0: empty
	n      int32  // bytes
}

// New returns an empty Vocab sized for capacity words.
func New(capacity int) *Vocab {
	size := 1024
	for size < 2*capacity {
		size *= 2
	}
	return &Vocab{slots: make([]wslot, size), long: map[string]int32{}}
}

func packWord(w string) (k0, k1 uint64) {
	for i := 0; i < len(w); i++ {
		if i < 8 {
			k0 |= uint64(w[i]) << (8 * i)
		} else {
			k1 |= uint64(w[i]) << (8 * (i - 8))
		}
	}
	return
}

func hashWord(k0, k1 uint64, n int) uint64 {
	h := k0*0x9E3779B97F4A7C15 ^ (k1+uint64(n))*0xC2B2AE3D27D4EB4F
	h ^= h >> 32
	h *= 0xD6E8FEB86659FD93
	return h ^ h>>29
}

// find returns the slot of a packed word: its own or the empty one where
// it belongs.
func (in *Vocab) find(k0, k1 uint64, n int) *wslot {
	mask := uint64(len(in.slots) - 1)
	i := hashWord(k0, k1, n) & mask
	for {
		s := &in.slots[i]
		if s.id == 0 || (s.k0 == k0 && s.k1 == k1 && s.n == int32(n)) {
			return s
		}
		i = (i + 1) & mask
	}
}

func (in *Vocab) grow() {
	old := in.slots
	in.slots = make([]wslot, 2*len(old))
	for _, s := range old {
		if s.id != 0 {
			*in.find(s.k0, s.k1, int(s.n)) = s
		}
	}
}

// add numbers a new word (w is kept: no slices of larger strings).
func (in *Vocab) add(s *wslot, k0, k1 uint64, w string) int32 {
	id := int32(len(in.words))
	in.words = append(in.words, w)
	if s == nil {
		in.long[w] = id
		return id
	}
	*s = wslot{k0, k1, id + 1, int32(len(w))}
	if 2*len(in.words) > len(in.slots) {
		in.grow()
	}
	return id
}

// Lookup returns the number of a word, or -1.
func (in *Vocab) Lookup(w string) int32 {
	if len(w) > 16 {
		if id, ok := in.long[w]; ok {
			return id
		}
		return -1
	}
	k0, k1 := packWord(w)
	return in.find(k0, k1, len(w)).id - 1
}

// ID returns the number of w, numbering it if new.
func (in *Vocab) ID(w string) int32 { return in.idOf(w, true) }

// IDNoCopy is ID, keeping w itself for a new word.
func (in *Vocab) IDNoCopy(w string) int32 { return in.idOf(w, false) }

func (in *Vocab) idOf(w string, clone bool) int32 {
	if clone && in.Lookup(w) < 0 {
		w = strings.Clone(w)
	}
	if len(w) > 16 {
		if id, ok := in.long[w]; ok {
			return id
		}
		return in.add(nil, 0, 0, w)
	}
	k0, k1 := packWord(w)
	s := in.find(k0, k1, len(w))
	if s.id != 0 {
		return s.id - 1
	}
	return in.add(s, k0, k1, w)
}

// wordClass classifies bytes: 1 ASCII letter or digit, 2 non-ASCII, 0 other.
var wordClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = 2
		case format.IsWordByte(byte(c)):
			t[c] = 1
		}
	}
	return
}()

// packASCII packs the ASCII letters and digits t[i:i+n] (n <= 16), lower
// case, as packWord packs the lower-case word: setting bit 0x20 lowers a
// letter and keeps a digit.
func packASCII(t string, i, n int) (k0, k1 uint64) {
	const lower = 0x2020202020202020
	if i+16 <= len(t) {
		b := unsafe.Slice(unsafe.StringData(t[i:]), 16)
		k0 = binary.LittleEndian.Uint64(b) | lower
		k1 = binary.LittleEndian.Uint64(b[8:]) | lower
	} else {
		var b [16]byte
		copy(b[:], t[i:min(i+16, len(t))])
		k0 = binary.LittleEndian.Uint64(b[:]) | lower
		k1 = binary.LittleEndian.Uint64(b[8:]) | lower
	}
	switch {
	case n < 8:
		k0 &= 1<<(8*n) - 1
		k1 = 0
	case n == 8:
		k1 = 0
	case n < 16:
		k1 &= 1<<(8*(n-8)) - 1
	}
	return
}

// Text appends to out the ids of the words of t, the words
// format.Tokens(t) gives. Runs of ASCII letters and digits, nearly all
// words, are folded and looked up here without allocating; other runs go
// through format.Tokens.
func (in *Vocab) Text(t string, out []int32) []int32 {
	n := len(t)
	for i := 0; i < n; {
		switch wordClass[t[i]] {
		case 0:
			i++
			continue
		case 1:
			j := i + 1
			for j < n && wordClass[t[j]] == 1 {
				j++
			}
			if j == n || wordClass[t[j]] == 0 { // an ASCII word
				if wl := j - i; wl <= 16 {
					k0, k1 := packASCII(t, i, wl)
					s := in.find(k0, k1, wl)
					if s.id != 0 {
						out = append(out, s.id-1)
					} else {
						out = append(out, in.add(s, k0, k1, lowerASCII(t[i:j])))
					}
				} else if wl <= format.MaxWordLen {
					out = append(out, in.ID(lowerASCII(t[i:j])))
				}
				i = j
				continue
			}
		default:
			if r, size := utf8.DecodeRuneInString(t[i:]); !format.IsWordRune(r) {
				i += size
				continue
			}
		}
		// A run with other characters: find its end, let tokens split it.
		j := i
		for j < n {
			if c := t[j]; c < utf8.RuneSelf {
				if !format.IsWordByte(c) {
					break
				}
				j++
			} else {
				r, size := utf8.DecodeRuneInString(t[j:])
				if !format.IsWordRune(r) {
					break
				}
				j += size
			}
		}
		in.toks = format.Tokens(t[i:j], in.toks[:0])
		for _, tk := range in.toks {
			out = append(out, in.ID(tk.Word))
		}
		i = j
	}
	return out
}

// lowerASCII returns a lower-case copy of an ASCII word.
func lowerASCII(w string) string {
	b := []byte(w)
	for k, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[k] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Words returns the words by number; callers must not modify it.
func (in *Vocab) Words() []string { return in.words }

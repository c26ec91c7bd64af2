package format

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// collapseSimple is the plain definition of collapse.
func collapseSimple(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func randText(r *rand.Rand) string {
	parts := []string{"a", "B", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2028", "\u2029", "\u3000", "\x85",
		"<", ">", "&", `"`, `\`, "\x00", "\x01", "\x1f", "\b", "\f", "\x7f", "é", "東京", "😀", "\xff", "\xe2\x80",
		"</script>", "word", "\u0085", "\ufeff", "\ufffd"}
	var b strings.Builder
	for k := r.IntN(12); k >= 0; k-- {
		b.WriteString(parts[r.IntN(len(parts))])
	}
	return b.String()
}

func TestCollapse(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 20000; i++ {
		s := randText(r)
		if got, want := collapse(s), collapseSimple(s); got != want {
			t.Fatalf("collapse(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestJSONLikeEncodingJSON: strings and manifests are written as
// encoding/json writes them.
func TestJSONLikeEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 20000; i++ {
		s := randText(r)
		want, _ := json.Marshal(s)
		if got := AppendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("%q: got %s, want %s", s, got, want)
		}
	}
	pg := Page{Starts: []string{"", "a&"}, Hashes: []string{"c", "d"}}
	if want, _ := json.Marshal(pg); !bytes.Equal(pg.AppendJSON(nil), want) {
		t.Fatalf("page: got %s, want %s", pg.AppendJSON(nil), want)
	}
	m := Manifest{V: 2, Lang: "en", N: 3, Shards: 3, Group: 2, Starts: []string{"", "b<"}, Hashes: []string{"a", "b"}, RecVer: "x",
		Prods: [][]string{{"P&Q", "p-q", "h"}}}
	for i, types := range [][][]string{nil, {{"How-to guide", "how-to", "h"}, {"FAQ", "faq", "i"}}} {
		m.Types = types
		m.Pages = nil
		if i == 1 {
			m.Pages = []Page{pg, {Starts: []string{"b<"}, Hashes: []string{"e"}}}
		}
		want, _ := json.Marshal(m)
		if got := m.AppendJSON(nil); !bytes.Equal(got, want) {
			t.Fatalf("manifest: got %s, want %s", got, want)
		}
	}
}

func TestCleanJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	// Lone spaces, which the fast path copies, beside what it must not.
	fixed := []string{"a b", " a b ", "a  b", "a b\"c", "a \u00a0b", "a b<", "a\tb c", "a b ", "é b c", "a b\u2028c d", "a \"b\" c"}
	for i := 0; i < 50000+len(fixed); i++ {
		var s string
		if i < len(fixed) {
			s = fixed[i]
		} else {
			s = randText(r)
		}
		want, _ := json.Marshal(Clean(s))
		if got := AppendCleanJSON(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("%q: got %s, want %s", s, got, want)
		}
	}
}

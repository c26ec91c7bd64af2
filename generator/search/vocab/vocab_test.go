package vocab

import (
	"math/rand/v2"
	"strings"
	"testing"

	"kbsite/generator/search/format"
)

func TestInternerMatchesTokens(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	parts := []string{"a", "B", "Zz", "kb307294", " ", ".", "-", "é", "É", "Größe", "東京都", "日本語テキスト",
		"😀", "\xff", "café", "word—", "x\u0301", strings.Repeat("q", 15), strings.Repeat("Q", 16),
		strings.Repeat("r", 17), strings.Repeat("s", 64), strings.Repeat("t", 65), "ǅ", "İ", "ﬁ", "Ⅻ", "½", "٣"}
	in := New(1)
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for k := r.IntN(10); k >= 0; k-- {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		want := format.Words(s)
		ids := in.Text(s, nil)
		got := make([]string, len(ids))
		for k, id := range ids {
			got[k] = in.Words()[id]
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Fatalf("%q: got %q, want %q", s, got, want)
		}
	}
	for id, w := range in.Words() {
		if in.Lookup(w) != int32(id) {
			t.Fatalf("lookup(%q) = %d, want %d", w, in.Lookup(w), id)
		}
	}
}

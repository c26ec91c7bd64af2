package terms

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

// TestLettersAnalyseAsTheirToken: ofLetters skips the tokenizer, so it
// must give what the whole analyser gives, for every language: on the
// words of a real corpus when it is here, the stop words, and random
// letters, each with the inflection endings.
func TestLettersAnalyseAsTheirToken(t *testing.T) {
	words := []string{"the", "and", "ing", "is", "was", "running", "stopping", "connection", "settings", "ly", "a", "zzz"}
	re := regexp.MustCompile(`[a-z]+`)
	if src, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "shared", "corpus", "kb-support", "windows-server", "networking", "best-practices-for-dns-client-settings.md")); err == nil {
		words = append(words, re.FindAllString(string(src), -1)...)
	} else if os.Getenv("KBSITE_REQUIRE_CORPUS") != "" {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		w := make([]byte, 1+r.IntN(10))
		for i := range w {
			w[i] = byte('a' + r.IntN(26))
		}
		words = append(words, string(w))
	}
	for _, lang := range []string{"en", "fr", "de", "es", "ru", "xx"} {
		a := For(lang)
		if a.filters == nil {
			t.Fatalf("%s: no fast path", lang)
		}
		for _, w := range words {
			for _, e := range append([]string{""}, inflections["en"]...) {
				if got, want := a.ofLetters(w+e), a.Of(w+e); !slices.Equal(got, want) {
					t.Errorf("%s %q: ofLetters %q, Of %q", lang, w+e, got, want)
				}
			}
		}
	}
}

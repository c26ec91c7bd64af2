package export

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"kbsite/generator/search/fields"
	"kbsite/generator/search/format"
)

// randText is hostile text: white space of all kinds, markup, controls,
// invalid UTF-8.
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

// makeRecord is the record of d as encoding/json would marshal it.
func makeRecord(d *fields.Doc) format.Record {
	r := format.Record{ID: format.Clean(d.ID), Title: format.Clean(d.Title), URL: strings.ToValidUTF8(d.URL, ""),
		Source: strings.ToValidUTF8(d.Source, ""), Products: cleanAllStrings(d.Products),
		Aliases: cleanAllStrings(d.Aliases), Keywords: cleanAllStrings(d.Keywords), Summary: format.Clean(d.Summary),
		Type: format.Clean(d.Type), Sections: [][]string{}}
	for _, s := range d.Sections {
		r.Sections = append(r.Sections, []string{strings.ToValidUTF8(s.ID, ""), format.Clean(s.Heading), format.Clean(s.Text)})
	}
	return r
}

func cleanAllStrings(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, format.Clean(s))
	}
	return out
}

// TestJSONLikeEncodingJSON: records are written as encoding/json writes them.
func TestJSONLikeEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	docs := append(fixtureDocs(t), genDocs(50)...)
	for i := 0; i < 200; i++ {
		d := fields.Doc{ID: randText(r), Title: randText(r), URL: randText(r), Source: randText(r), Summary: randText(r), Type: randText(r)}
		for k := r.IntN(3); k > 0; k-- {
			d.Products = append(d.Products, randText(r))
			d.Aliases = append(d.Aliases, randText(r))
			d.Keywords = append(d.Keywords, randText(r))
			d.Sections = append(d.Sections, fields.Section{ID: randText(r), Heading: randText(r), Text: randText(r)})
		}
		docs = append(docs, d)
	}
	for i := range docs {
		want, _ := json.Marshal(makeRecord(&docs[i]))
		if got := appendRecord(nil, &docs[i]); !bytes.Equal(got, want) {
			t.Fatalf("record %d:\n got %s\nwant %s", i, got, want)
		}
	}
}

// TestRecordMarksDerivedIDs: a record says when its ID was made from the
// file's path, so that results do not show it; a writer's ID is shown.
func TestRecordMarksDerivedIDs(t *testing.T) {
	for _, derived := range []bool{false, true} {
		var r format.Record
		b := appendRecord(nil, &fields.Doc{ID: "networking-x", Title: "X", URL: "networking/x.html", IDDerived: derived})
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if r.IDDerived != derived || r.ID != "networking-x" || bytes.Contains(b, []byte(`"d"`)) != derived {
			t.Errorf("derived %v: record %s", derived, b)
		}
	}
}

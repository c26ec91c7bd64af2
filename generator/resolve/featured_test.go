package resolve

import (
	"strings"
	"testing"

	"kbsite/generator/internal/config"
	"kbsite/generator/internal/diag"
)

// TestFeatured: IDs, aliases and content paths name featured articles,
// each listed once in the order given; unknown ones are located errors
// with the nearest ID or path.
func TestFeatured(t *testing.T) {
	ix, seed := fixture()
	refs := []config.Ref{{Value: "q310221", Line: 2, Col: 5}, {Value: "messenger/kb307294.md", Line: 3, Col: 5},
		{Value: "KB310221", Line: 4, Col: 5}, {Value: "KB30729", Line: 5, Col: 5}, {Value: "Messenger/kb307294.md", Line: 6, Col: 5}, {Value: "", Line: 7, Col: 5}}
	var dl diag.List
	got := ix.Featured(refs, "content/site.yaml", &dl)
	if len(got) != 2 || got[0].ID != "KB310221" || got[1] != seed {
		t.Errorf("featured %+v", got)
	}
	var msgs []string
	for _, d := range dl.Sorted() {
		msgs = append(msgs, d.String())
	}
	want := []string{
		`content/site.yaml:5:5: featured article "KB30729" does not exist (did you mean KB307294?)`,
		`content/site.yaml:6:5: featured article "Messenger/kb307294.md" does not exist (did you mean messenger/kb307294.md?)`,
		`content/site.yaml:7:5: featured article "" does not exist`,
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}

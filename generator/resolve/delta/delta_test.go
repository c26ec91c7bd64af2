package delta

import (
	"testing"

	"kbsite/generator/resolve"
)

// TestChange: retitling a linked article touches the pages it links to
// (their backlinks show its title) and the unchanged linkers whose link
// text changes; similar lists follow the new version and touch their page.
func TestChange(t *testing.T) {
	old := &resolve.Target{ID: "A", Source: "a.md", Title: "Old", Path: "kb/a.html"}
	b := &resolve.Target{ID: "B", Source: "b.md", Title: "B"}
	c := &resolve.Target{ID: "C", Source: "c.md", Title: "C"}
	quiet := &resolve.Target{ID: "D", Source: "d.md", Title: "D"}
	renamed := &resolve.Target{ID: "A", Source: "a.md", Title: "New", Path: "kb/a.html"}
	links := map[*resolve.Target]resolve.Links{
		old:   {Out: []*resolve.Target{b}},
		c:     {Fills: []string{"a.html"}, Texts: []string{"Old"}, Out: []*resolve.Target{old}},
		quiet: {Fills: []string{"a.html"}, Texts: []string{""}, Out: []*resolve.Target{old}},
	}
	d := New([]*resolve.Target{old}, []*resolve.Target{renamed})
	if d.old(renamed) != old {
		t.Fatal("versions not paired by source")
	}
	d.Relink(func(t *resolve.Target) resolve.Links { return links[t] }, map[*resolve.Target]resolve.Links{
		renamed: {Out: []*resolve.Target{b}},
		c:       {Fills: []string{"a.html"}, Texts: []string{"New"}, Out: []*resolve.Target{renamed}},
		quiet:   {Fills: []string{"a.html"}, Texts: []string{""}, Out: []*resolve.Target{renamed}},
	})
	for _, want := range []*resolve.Target{renamed, b, c} {
		if !d.Touched[want] {
			t.Errorf("%s not touched", want.ID)
		}
	}
	if d.Touched[quiet] {
		t.Error("D's links read the same, yet it is touched")
	}
	if !d.Backlinked[b] || !d.Backlinked[renamed] {
		t.Error("B's and A's backlinks must be recomputed")
	}
	if got := d.Remap(quiet, []*resolve.Target{old, c}); len(got) != 2 || got[0] != renamed || !d.Touched[quiet] {
		t.Errorf("Remap gave %v, touched %v", got, d.Touched[quiet])
	}
}

// TestChangeDeleted: a deleted article's link targets lose a backlink, and
// lists drop it.
func TestChangeDeleted(t *testing.T) {
	old := &resolve.Target{ID: "A", Source: "a.md"}
	b := &resolve.Target{ID: "B", Source: "b.md"}
	d := New([]*resolve.Target{old}, nil)
	d.Relink(func(*resolve.Target) resolve.Links { return resolve.Links{Out: []*resolve.Target{b}} }, nil)
	if !d.Touched[b] {
		t.Error("B keeps a backlink from a deleted article")
	}
	if got := d.Remap(b, []*resolve.Target{old}); len(got) != 0 {
		t.Errorf("Remap kept %v", got)
	}
}

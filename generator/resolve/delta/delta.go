// Package delta works out which pages an incremental change touches
// through links: serve mode rewrites only the pages whose links, backlinks
// or lists of articles read differently after a change.
//
// In: the link targets (resolve.Target) of the old and new versions of the
// changed articles, their links before and after the change (resolve.Links)
// and the lists of articles pages show. Out: the pages to rewrite (Touched)
// and the targets whose backlinks to recompute (Backlinked).
package delta

import (
	"slices"

	"kbsite/generator/resolve"
)

// Change is one incremental change: the old versions of some articles
// replaced by new versions, paired by Source.
type Change struct {
	olds, news []*resolve.Target
	next       map[*resolve.Target]*resolve.Target // old version -> new version, nil when deleted
	oldBy      map[string]*resolve.Target          // old versions by source
	newBy      map[string]*resolve.Target          // new versions by source
	// moved are the old versions that are gone or whose title or page moved.
	moved map[*resolve.Target]bool
	// Touched are the pages to rewrite; Backlinked the targets whose
	// backlinks may change. Both may hold old versions: callers skip those.
	Touched, Backlinked map[*resolve.Target]bool
}

// New pairs the old and new versions of the changed articles.
func New(olds, news []*resolve.Target) *Change {
	d := &Change{olds: olds, news: news, next: map[*resolve.Target]*resolve.Target{}, oldBy: map[string]*resolve.Target{}, newBy: map[string]*resolve.Target{},
		moved: map[*resolve.Target]bool{}, Touched: map[*resolve.Target]bool{}, Backlinked: map[*resolve.Target]bool{}}
	for _, n := range news {
		d.newBy[n.Source] = n
	}
	for _, o := range olds {
		n := d.newBy[o.Source]
		d.next[o] = n
		d.oldBy[o.Source] = o
		if n == nil || n.Title != o.Title || n.Path != o.Path {
			d.moved[o] = true
		}
	}
	return d
}

// old returns the old version a new version n replaces, or nil.
func (d *Change) old(n *resolve.Target) *resolve.Target { return d.oldBy[n.Source] }

// Relink touches the pages whose links or backlinks read differently once
// the links in after replace those in before: after holds the links of the
// new versions and of the unchanged articles that linked to an old version,
// resolved against the changed index; before gives an article's current links.
func (d *Change) Relink(before func(*resolve.Target) resolve.Links, after map[*resolve.Target]resolve.Links) {
	oldOut := map[*resolve.Target]map[*resolve.Target]bool{}
	for _, o := range d.olds {
		set := map[*resolve.Target]bool{}
		for _, t := range before(o).Out {
			set[t] = true
			d.Backlinked[t] = true
			if d.next[o] == nil {
				d.Touched[t] = true // loses a backlink
			}
		}
		oldOut[o] = set
	}
	for a, r := range after {
		if d.newBy[a.Source] == a {
			d.relinkNew(a, r, oldOut[d.old(a)])
		} else if b := before(a); !slices.Equal(b.Fills, r.Fills) || !slices.Equal(b.Texts, r.Texts) {
			d.Touched[a] = true // an unchanged article whose links now read differently
		}
	}
	for _, n := range d.news {
		d.Backlinked[n] = true
	}
}

// relinkNew touches a new version's page and the targets whose backlink
// lists gain or lose it, or show its new title; before is what its old
// version linked to.
func (d *Change) relinkNew(a *resolve.Target, r resolve.Links, before map[*resolve.Target]bool) {
	d.Touched[a] = true
	o := d.old(a)
	after := map[*resolve.Target]bool{}
	for _, t := range r.Out {
		after[t] = true
		d.Backlinked[t] = true
		if !before[t] || o == nil || d.moved[o] || o.Title != a.Title {
			d.Touched[t] = true
		}
	}
	for t := range before {
		if !after[t] {
			d.Touched[t] = true
		}
	}
}

// Remap returns the list of articles page shows (its similar articles)
// with the old versions replaced by their new ones, the deleted ones and
// page itself left out, and touches page when the list shows an article
// whose title or page moved.
func (d *Change) Remap(page *resolve.Target, list []*resolve.Target) []*resolve.Target {
	var out []*resolve.Target
	for _, t := range list {
		if d.moved[t] {
			d.Touched[page] = true
		}
		if n, ok := d.next[t]; ok {
			t = n
		}
		if t != nil && t != page {
			out = append(out, t)
		}
	}
	return out
}

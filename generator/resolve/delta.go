package resolve

import "slices"

// Delta works out which pages an incremental change touches through links:
// serve mode replaces the old versions of some articles (their Targets) by
// new versions, paired by Source, and rewrites only the pages whose links,
// backlinks or lists of articles read differently after it.
type Delta struct {
	olds, news []*Target
	next       map[*Target]*Target // old version -> new version, nil when deleted
	oldBy      map[string]*Target  // old versions by source
	newBy      map[string]*Target  // new versions by source
	// moved are the old versions that are gone or whose title or page moved.
	moved map[*Target]bool
	// Touched are the pages to rewrite; Backlinked the targets whose
	// backlinks may change. Both may hold old versions: callers skip those.
	Touched, Backlinked map[*Target]bool
}

// NewDelta pairs the old and new versions of the changed articles.
func NewDelta(olds, news []*Target) *Delta {
	d := &Delta{olds: olds, news: news, next: map[*Target]*Target{}, oldBy: map[string]*Target{}, newBy: map[string]*Target{},
		moved: map[*Target]bool{}, Touched: map[*Target]bool{}, Backlinked: map[*Target]bool{}}
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

// Old returns the old version a new version n replaces, or nil.
func (d *Delta) Old(n *Target) *Target { return d.oldBy[n.Source] }

// Relink touches the pages whose links or backlinks read differently once
// the links in after replace those in before: after holds the links of the
// new versions and of the unchanged articles that linked to an old version,
// resolved against the changed index; before gives an article's current links.
func (d *Delta) Relink(before func(*Target) Links, after map[*Target]Links) {
	oldOut := map[*Target]map[*Target]bool{}
	for _, o := range d.olds {
		set := map[*Target]bool{}
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
			d.relinkNew(a, r, oldOut[d.Old(a)])
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
func (d *Delta) relinkNew(a *Target, r Links, before map[*Target]bool) {
	d.Touched[a] = true
	o := d.Old(a)
	after := map[*Target]bool{}
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
func (d *Delta) Remap(page *Target, list []*Target) []*Target {
	var out []*Target
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

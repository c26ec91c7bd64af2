package site

// RelatedLists are what an article page shows under "Related articles"
// and "Articles that link here", with no article twice in or across them
// and never the article self: the explicit related articles come first,
// then the backlinks that are not among them, and the related list ends
// with up to n of the computed similar articles that are in neither.
func RelatedLists(self Entry, related, backlinks, similar []Entry, n int) (rel, back []Entry) {
	seen := make(map[string]bool, 1+len(related)+len(backlinks)+len(similar))
	seen[self.Path] = true
	rel = make([]Entry, 0, len(related)+min(n, len(similar)))
	back = make([]Entry, 0, len(backlinks))
	add := func(list []Entry, to *[]Entry, limit int) {
		added := 0
		for _, e := range list {
			if added == limit {
				break
			}
			if !seen[e.Path] {
				seen[e.Path] = true
				*to = append(*to, e)
				added++
			}
		}
	}
	add(related, &rel, len(related))
	add(backlinks, &back, len(backlinks))
	add(similar, &rel, n)
	return rel, back
}

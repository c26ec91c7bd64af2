package site

// RelatedList is what an article page shows under "Related articles": the
// explicit related articles, then up to n of the computed similar ones,
// without the article self or repeats.
func RelatedList(self Entry, related, similar []Entry, n int) []Entry {
	seen := map[string]bool{self.Path: true}
	var out []Entry
	for _, r := range related {
		if !seen[r.Path] {
			seen[r.Path] = true
			out = append(out, r)
		}
	}
	added := 0
	for _, r := range similar {
		if added == n {
			break
		}
		if !seen[r.Path] {
			seen[r.Path] = true
			out = append(out, r)
			added++
		}
	}
	return out
}

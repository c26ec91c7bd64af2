// Package engine is the Go search engine over a built client index
// (search/format, read through search/reader), used by kbsite search and
// by the parity tests: given the site folder, a language and a query text,
// it returns ranked results with excerpts (search/excerpt), suggestions
// and typo corrections (search/fuzzy). It ranks exactly as
// templates/assets/search-engine.js does, which the parity tests check.
package engine

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"kbsite/generator/search/excerpt"
	"kbsite/generator/search/facet"
	"kbsite/generator/search/format"
	"kbsite/generator/search/fuzzy"
	"kbsite/generator/search/query"
	"kbsite/generator/search/reader"
)

// Query limits: hostile queries do bounded work.
const (
	maxItems       = 10  // positive words and phrases
	maxPrefixShard = 3   // shards scanned for prefix expansion
	maxExpansions  = 50  // prefix expansions
	phraseCheckCap = 50  // records checked for phrases
	maxLimit       = 100 // results per query
)

// Match factors, percent, per query word: its own terms, then its stem
// typed as it is ("instal"), then prefix completions, then typos.
const (
	factorExact  = 100
	factorTitle  = 50  // an exact title match, on top of its term's
	factorPair   = 100 // two query words adjacent in a heading, on top
	factorStem   = 90
	factorPrefix = 60
	factorFuzzy1 = 50
	factorFuzzy2 = 30
)

// Options of a search. Product and Type filter by product and article
// type (name or slug). Exact searches only what was typed: no typo
// correction (the "search for the original instead" of a corrected query).
// Facets asks for the counts of Response.Facets (see search/facet).
// Complete reads every posting of the terms searched, their tail files
// too; otherwise a common term is searched over the postings its shard
// holds, those of its highest scores (as-you-type searches).
type Options struct {
	Limit    int
	Product  string
	Type     string
	Exact    bool
	Facets   bool
	Complete bool
}

// Result is one hit.
type Result struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	URL      string   `json:"url"`
	Source   string   `json:"source"`
	Score    float64  `json:"score"`
	Products []string `json:"products"`
	Type     string   `json:"type,omitempty"` // the article type, if any
	// Derived marks an ID made from the file's path: not one to show.
	Derived bool     `json:"derived,omitempty"`
	Section string   `json:"section"`
	Heading string   `json:"heading"` // the section's heading, a troubleshooter's step title
	Excerpt string   `json:"excerpt"`
	Matched []string `json:"matched"`
}

// Suggestion is a vocabulary word close to a query word that is not in it.
type Suggestion struct {
	Word       string `json:"word"`
	Suggestion string `json:"suggestion"`
}

// Response is the full answer of a query. Corrected lists the words that
// matched nothing as typed and were searched as their suggestion, when
// that found results: "showing results for ... (no results for ...)".
type Response struct {
	Results     []Result     `json:"results"`
	Suggestions []Suggestion `json:"suggestions"`
	Corrected   []Suggestion `json:"corrected"`
	Total       int          `json:"total"`
	// Partial: some term's tail was not read (Options.Complete), so Total
	// and Facets count only the docs of the postings read.
	Partial bool          `json:"partial,omitempty"`
	Facets  *facet.Facets `json:"facets,omitempty"`
}

// Index is a loaded client index of one language.
type Index struct {
	mu     sync.Mutex
	f      *reader.Files
	man    format.Manifest
	Loaded []string // files read, in order (for benchmarks)
}

// Open loads the client index of lang ("" = the only language or "en")
// from siteDir/search.
func Open(siteDir, lang string) (*Index, error) {
	ix := &Index{}
	f, err := reader.Open(siteDir, lang, &ix.Loaded)
	if err != nil {
		return nil, err
	}
	ix.f, ix.man = f, f.Manifest()
	return ix, nil
}

// search is the parsed and resolved state of one search.
type search struct {
	touched []int
	all     bool // Options.Complete
	partial bool // a term's tail was left unread
}

// postings returns the postings of t that the search reads.
func (ix *Index) postings(q *search, t reader.Term) []int {
	if !q.all && ix.f.Partial(t) {
		q.partial = true
	}
	return ix.f.Postings(t, q.all)
}

func (q *search) touch(k int) {
	for _, t := range q.touched {
		if t == k {
			return
		}
	}
	q.touched = append(q.touched, k)
}

type qword struct {
	word    string
	prefix  bool
	exact   []reader.Term  // exact terms (nil: unknown or stop word)
	known   bool           // in the vocabulary
	stop    bool           // known, no terms
	factors map[string]int // term name -> best factor
	refs    map[string]reader.Term
	caps    map[string]int // prefix completion -> idfQ of the prefix (see capPrefix)
	title   *reader.Term   // the word's exact title term, if any
	wide    bool           // nothing matches it as typed or as a prefix: typos are looked for in the shards around its own
	extra   []string       // expansion and fuzzy words (highlighting)
}

type item struct {
	words  []*qword // one for a plain word, more for a phrase
	phrase []string // folded phrase words, including stop words
}

// resolve turns the chunks into the words to search, whether the last is
// being typed, the technical tokens of the index that were typed, and the
// words to exclude. "-x" excludes x unless "-x" is a token of the index
// (an option such as "-v"); when nothing else would remain, nothing is
// excluded.
func (ix *Index) resolve(q *search, p query.Parsed) (plain []string, typing bool, comps []*qword, negW []string) {
	known := func(c string) *qword {
		if c == "" {
			return nil
		}
		if qw := ix.lookup(q, c); qw.known && !qw.stop {
			return qw
		}
		return nil
	}
	pos := make([]bool, len(p.Chunks))
	cq := make([]*qword, len(p.Chunks))
	any := len(p.Phrases) > 0
	for i, c := range p.Chunks {
		cq[i] = known(c.Comp)
		pos[i] = !c.Neg || cq[i] != nil
		any = any || pos[i]
	}
	seen := map[string]bool{}
	for i, c := range p.Chunks {
		if pos[i] || !any {
			plain = append(plain, c.Words...)
			if cq[i] != nil && !seen[c.Comp] {
				seen[c.Comp] = true
				comps = append(comps, cq[i])
			}
		} else {
			negW = append(negW, c.Words...)
		}
	}
	n := len(p.Chunks)
	typing = p.Typing && n > 0 && (pos[n-1] || !any)
	return plain, typing, comps, negW
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// lookup resolves a word to its exact terms.
func (ix *Index) lookup(q *search, w string) *qword {
	qw := &qword{word: w, factors: map[string]int{}, refs: map[string]reader.Term{}, wide: true}
	k := ix.f.Route(w)
	q.touch(k)
	s := ix.f.Shard(k)
	if i, ok := s.Word(w); ok {
		qw.known = true
		qw.exact = ix.f.Refs(k, i, q.touch)
		qw.stop = len(qw.exact) == 0
		for _, t := range qw.exact {
			qw.add(t, factorExact)
		}
		key := w + format.TitleSuffix
		k2 := ix.f.Route(key)
		q.touch(k2)
		if t, ok := ix.f.Term(k2, key); ok && !qw.stop {
			qw.title = &t
		}
	} else if t, ok := ix.f.Term(k, w); ok {
		qw.add(t, factorStem)
	}
	return qw
}

func (qw *qword) add(t reader.Term, f int) {
	if f > qw.factors[t.Name] {
		qw.factors[t.Name] = f
		qw.refs[t.Name] = t
	}
}

// positive looks up the words and phrases to search, adding suggestions
// for unknown words to resp. It returns the items and the words that will
// be searched as their suggestion only (typo candidates; none if exact).
func (ix *Index) positive(q *search, p query.Parsed, plain []string, typing, exact bool, resp *Response) ([]*item, []Suggestion) {
	var items []*item
	var corrected []Suggestion
	suggest := func(qw *qword) string {
		if qw.known || runeLen(qw.word) < 3 {
			return ""
		}
		sg := fuzzy.Suggest(ix.f, qw.word, qw.wide, q.touch)
		if sg != "" {
			resp.Suggestions = append(resp.Suggestions, Suggestion{qw.word, sg})
		}
		return sg
	}
	seen := map[string]bool{}
	for i, w := range plain {
		isPrefix := typing && i == len(plain)-1
		if seen[w] && !isPrefix {
			continue
		}
		seen[w] = true
		qw := ix.lookup(q, w)
		qw.prefix = isPrefix
		if qw.stop {
			continue
		}
		ix.expand(q, qw, !exact)
		sg := suggest(qw)
		if sg != "" && qw.onlyFuzzy() {
			corrected = append(corrected, Suggestion{w, sg})
		}
		items = append(items, &item{words: []*qword{qw}})
	}
	for _, ph := range p.Phrases {
		it := &item{phrase: ph}
		for _, w := range ph {
			if qw := ix.lookup(q, w); !qw.stop {
				suggest(qw)
				it.words = append(it.words, qw)
			}
		}
		if len(it.words) > 0 {
			items = append(items, it)
		}
	}
	if len(items) > maxItems {
		items = items[:maxItems]
	}
	return items, corrected
}

// onlyFuzzy reports whether a word matches through typo candidates alone.
func (qw *qword) onlyFuzzy() bool {
	for _, f := range qw.factors {
		if f > factorFuzzy1 {
			return false
		}
	}
	return len(qw.factors) > 0
}

// expand adds prefix expansions and, with typos, typo candidates to a
// positive word.
func (ix *Index) expand(q *search, qw *qword, typos bool) {
	w := qw.word
	if qw.prefix && runeLen(w) >= 2 {
		var cands []string
		k0 := ix.f.Route(w)
		for k := k0; k < ix.f.NumShards() && k < k0+maxPrefixShard; k++ {
			if k > k0 && !strings.HasPrefix(ix.f.Start(k), w) {
				break
			}
			q.touch(k)
			s := ix.f.Shard(k)
			for i, x := range s.W {
				if x != w && strings.HasPrefix(x, w) && !s.Stop(i) {
					cands = append(cands, x)
				}
			}
		}
		sort.Slice(cands, func(a, b int) bool {
			la, lb := len16(cands[a]), len16(cands[b])
			if la != lb {
				return la < lb
			}
			return format.Cmp16(cands[a], cands[b]) < 0
		})
		if len(cands) > maxExpansions {
			cands = cands[:maxExpansions]
		}
		for _, x := range cands {
			k := ix.f.Route(x)
			i, _ := ix.f.Shard(k).Word(x)
			for _, t := range ix.f.Refs(k, i, q.touch) {
				qw.add(t, factorPrefix)
			}
			qw.extra = append(qw.extra, x)
		}
		ix.capPrefix(q, qw)
	}
	qw.wide = len(qw.factors) == 0
	if !qw.known && typos {
		n := runeLen(w)
		maxd := 0
		switch {
		case n >= 8:
			maxd = 2
		case n >= 4:
			maxd = 1
		}
		if maxd > 0 {
			for _, c := range fuzzy.Near(ix.f, w, maxd, qw.wide, q.touch) {
				if len(c.Refs) == 0 {
					continue
				}
				f := factorFuzzy1
				if c.D == 2 {
					f = factorFuzzy2
				}
				for _, t := range c.Refs {
					qw.add(t, f)
				}
				qw.extra = append(qw.extra, c.Word)
			}
		}
	}
}

// capPrefix caps the prefix completions of a word at the prefix's own
// weight: the idf of the docs that have any of its terms. A rare completion
// ("wslc" of "wsl") then scores no more than a term as common as the prefix.
func (ix *Index) capPrefix(q *search, qw *qword) {
	N := ix.man.N
	seen, df, most := make([]bool, N), 0, 0
	for _, n := range sortedNames(qw.factors) {
		most = max(most, ix.f.DF(qw.refs[n]))
		p := ix.postings(q, qw.refs[n])
		for i := 0; i < len(p); i += 2 {
			if d := p[i]; d < N && !seen[d] {
				seen[d] = true
				df++
			}
		}
	}
	// The union is at least the largest term's docs, tails not read included.
	own := format.IDFQ(N, max(df, most))
	qw.caps = map[string]int{}
	for n, f := range qw.factors {
		if f == factorPrefix {
			qw.caps[n] = own
		}
	}
}

// sortedNames returns the keys of m in UTF-16 order, the order in which
// search-engine.js visits them.
func sortedNames(m map[string]int) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	slices.SortFunc(names, format.Cmp16)
	return names
}

func len16(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// Query runs a search and returns results, suggestions and the total.
func (ix *Index) Query(text string, opts Options) Response {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	resp := Response{Results: []Result{}, Suggestions: []Suggestion{}, Corrected: []Suggestion{}}
	text = query.Trim(text)
	limit := opts.Limit
	if limit <= 0 {
		limit = 10
	}
	limit = min(limit, maxLimit)
	p := query.Parse(text)
	q := &search{all: opts.Complete}
	N := ix.man.N
	plain, typing, comps, negW := ix.resolve(q, p)

	items, corrected := ix.positive(q, p, plain, typing, opts.Exact, &resp)

	fl := ix.filter(q, p, negW, opts)
	ok := fl.OK
	sc := ix.score(q, items, comps, N)
	cands, relaxed := candidates(sc, len(items), ok)
	if !relaxed {
		cands = ix.verifyPhrases(items, cands)
	}
	cands = idFirst(ix.idDocs(q, text, ok), cands)

	resp.Total, resp.Partial = len(cands), q.partial
	if len(cands) > limit {
		cands = cands[:limit]
	}
	if len(cands) > 0 && corrected != nil {
		resp.Corrected = corrected
	}
	hl := ix.highlightSet(q, items)
	for _, d := range cands {
		r := ix.f.Record(d)
		res := Result{ID: r.ID, Title: r.Title, URL: r.URL, Source: r.Source,
			Score: float64(sc.total[d]) / (100 * format.ScoreScale), Products: r.Products, Type: r.Type, Derived: r.IDDerived}
		if res.Products == nil {
			res.Products = []string{}
		}
		res.Section, res.Excerpt, res.Matched = excerpt.Of(r, hl)
		res.Heading = excerpt.Heading(r, res.Section)
		resp.Results = append(resp.Results, res)
	}
	if opts.Facets {
		resp.Facets = facet.Count(ix.f, fl.Matches(sc.count, len(items), relaxed, ix.idDocs(q, text, fl.Kept)), fl)
	}
	return resp
}

// filter returns the filter of a search.
func (ix *Index) filter(q *search, p query.Parsed, negW []string, opts Options) *facet.Filter {
	fl := facet.New(ix.f, opts.Product, opts.Type)
	for _, w := range negW {
		for _, d := range ix.docsAll(q, []string{w}) {
			fl.Excluded[d] = true
		}
	}
	for _, ph := range p.NegPhrases {
		for _, d := range ix.docsAll(q, ph) {
			fl.Excluded[d] = true
		}
	}
	return fl
}

// candidates returns the docs that match every item, best first, or when
// none does and there are several items, those that match any (relaxed).
func candidates(sc docScores, nItems int, ok func(int) bool) (cands []int, relaxed bool) {
	N := len(sc.total)
	total, count, titled, quality := sc.total, sc.count, sc.titled, sc.quality
	if nItems > 0 {
		for d := 0; d < N; d++ {
			if count[d] == nItems && ok(d) {
				cands = append(cands, d)
			}
		}
		if len(cands) == 0 && nItems > 1 {
			relaxed = true
			for d := 0; d < N; d++ {
				if count[d] > 0 && ok(d) {
					cands = append(cands, d)
				}
			}
		}
	}
	sort.Slice(cands, func(a, b int) bool {
		da, db := cands[a], cands[b]
		if relaxed && count[da] != count[db] {
			return count[da] > count[db]
		}
		if total[da] != total[db] {
			return total[da] > total[db]
		}
		if titled[da] != titled[db] {
			return titled[da] > titled[db]
		}
		if quality[da] != quality[db] {
			return quality[da] > quality[db]
		}
		return da < db
	})
	return cands, relaxed
}

// verifyPhrases keeps the best candidates whose records have the phrases
// of the items, if there are any.
func (ix *Index) verifyPhrases(items []*item, cands []int) []int {
	hasPhrase := false
	for _, it := range items {
		hasPhrase = hasPhrase || len(it.phrase) > 0
	}
	if hasPhrase {
		var kept []int
		for i, d := range cands {
			if i >= phraseCheckCap {
				break
			}
			if ix.verify(ix.f.Record(d), items) {
				kept = append(kept, d)
			}
		}
		cands = kept
	}
	return cands
}

// idDocs returns the docs that ok keeps whose ID or alias is the query,
// typed alone, in order.
func (ix *Index) idDocs(q *search, text string, ok func(int) bool) []int {
	t := strings.TrimFunc(text, unicode.IsSpace)
	if t == "" || strings.ContainsFunc(t, unicode.IsSpace) || strings.ContainsRune(t, '"') || strings.HasPrefix(t, "-") {
		return nil
	}
	key := format.IDKey(t)
	if key == "" {
		return nil
	}
	k := ix.f.Route(key)
	q.touch(k)
	var first []int
	for _, d := range ix.f.Shard(k).I[key] {
		if int(d) < ix.man.N && ok(int(d)) {
			first = append(first, int(d))
		}
	}
	sort.Ints(first)
	return first
}

// idFirst puts first before the other candidates.
func idFirst(first, cands []int) []int {
	if len(first) == 0 {
		return cands
	}
	rest := cands[:0:0]
	for _, d := range cands {
		if !containsInt(first, d) {
			rest = append(rest, d)
		}
	}
	return append(first, rest...)
}

func containsInt(s []int, x int) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// docScores are, per doc, its score, how many items it matches, how many
// of them in its title, and the factors of its best matches.
type docScores struct{ total, count, titled, quality []int }

// score adds up the items' scores per doc. A doc whose title has every
// item gets half its score again, one whose title and headings have them
// a quarter: the words are together, whatever their idf. Heading pairs
// and the technical tokens typed ("--install") add their own scores, so
// docs that have them as typed come before those that only have the words.
func (ix *Index) score(q *search, items []*item, comps []*qword, N int) docScores {
	total, count := make([]int, N), make([]int, N)
	titled, headed, quality := make([]int, N), make([]int, N), make([]int, N)
	for _, it := range items {
		m := ix.itemScores(q, it, N)
		for d, s := range m.score {
			if s > 0 {
				total[d] += s
				count[d]++
				quality[d] += m.quality[d]
				if m.cls[d] == format.ClsTitle {
					titled[d]++
				}
				if m.cls[d] >= format.ClsHeading {
					headed[d]++
				}
			}
		}
	}
	if len(items) > 1 {
		for d := range total {
			if titled[d] == len(items) {
				total[d] += total[d] / 2
			} else if headed[d] == len(items) {
				total[d] += total[d] / 4
			}
		}
	}
	ix.addPairs(q, items, total)
	for _, qw := range comps {
		for _, t := range qw.exact {
			p := ix.postings(q, t)
			for i := 0; i+1 < len(p); i += 2 {
				if d := p[i]; d < N && total[d] > 0 {
					total[d] += (p[i+1] >> 2) * factorExact
				}
			}
		}
	}
	return docScores{total, count, titled, quality}
}

// itemMatch is what an item adds to each doc: its score (0: no match),
// the field class it is in (for a phrase, the lowest of its words') and
// the factors of its words' best matches.
type itemMatch struct{ score, cls, quality []int }

// itemScores returns per doc the match of an item. A word scores its best
// term; a phrase sums its words and needs all of them.
func (ix *Index) itemScores(q *search, it *item, N int) itemMatch {
	m := itemMatch{make([]int, N), make([]int, N), make([]int, N)}
	cnt := make([]int, N)
	best, bestF, bestCls := make([]int, N), make([]int, N), make([]int, N)
	for wi, qw := range it.words {
		clear(best)
		clear(bestF)
		clear(bestCls)
		for _, n := range sortedNames(qw.factors) {
			f := qw.factors[n]
			if len(it.phrase) > 0 && f != factorExact {
				continue
			}
			p := ix.postings(q, qw.refs[n])
			own, capped := qw.caps[n]
			tidf := format.IDFQ(N, ix.f.DF(qw.refs[n]))
			capped = capped && own < tidf
			for i := 0; i+1 < len(p); i += 2 {
				d := p[i]
				if d >= N {
					continue
				}
				v := p[i+1] >> 2
				if capped {
					v = max(1, v*own/tidf)
				}
				if v*f > best[d] {
					best[d], bestF[d] = v*f, f
				}
				bestCls[d] = max(bestCls[d], p[i+1]&3)
			}
		}
		if qw.title != nil {
			ix.addTitle(q, qw.title, best)
		}
		for d, s := range best {
			if s == 0 {
				continue
			}
			m.score[d] += s
			m.quality[d] += bestF[d]
			if wi == 0 || cnt[d] == 0 {
				m.cls[d] = bestCls[d]
			} else {
				m.cls[d] = min(m.cls[d], bestCls[d])
			}
			cnt[d]++
		}
	}
	for d := range m.score {
		if cnt[d] != len(it.words) {
			m.score[d] = 0
		}
	}
	return m
}

// addPairs adds to the matching docs that have two consecutive query
// words next to each other in a heading their pair term's score, at
// factorPair: the words are together in one section.
func (ix *Index) addPairs(q *search, items []*item, total []int) {
	for i := 0; i+1 < len(items); i++ {
		a, b := items[i].words, items[i+1].words
		if len(a) != 1 || len(b) != 1 || len(a[0].exact) == 0 || len(b[0].exact) == 0 {
			continue
		}
		key := a[0].exact[0].Name + format.PairSep + b[0].exact[0].Name
		k := ix.f.Route(key)
		q.touch(k)
		t, ok := ix.f.Term(k, key)
		if !ok {
			continue
		}
		p := ix.postings(q, t)
		for i := 0; i+1 < len(p); i += 2 {
			if d := p[i]; d < len(total) && total[d] > 0 {
				total[d] += (p[i+1] >> 2) * factorPair
			}
		}
	}
}

// addTitle adds to the docs that match a word and have it exactly in
// their title that title's weight, at factorTitle: exact beats stemmed.
func (ix *Index) addTitle(q *search, t *reader.Term, best []int) {
	p := ix.postings(q, *t)
	for i := 0; i+1 < len(p); i += 2 {
		if d := p[i]; d < len(best) && best[d] > 0 {
			best[d] += (p[i+1] >> 2) * factorTitle
		}
	}
}

// docsAll returns the docs having an exact term of every (known) word.
func (ix *Index) docsAll(q *search, ws []string) []int {
	var sets []map[int]bool
	for _, w := range ws {
		qw := ix.lookup(q, w)
		if qw.stop {
			continue
		}
		set := map[int]bool{}
		for _, t := range qw.exact {
			p := ix.postings(q, t)
			for i := 0; i+1 < len(p); i += 2 {
				set[p[i]] = true
			}
		}
		sets = append(sets, set)
	}
	if len(sets) == 0 {
		return nil
	}
	var out []int
	for d := range sets[0] {
		all := true
		for _, s := range sets[1:] {
			all = all && s[d]
		}
		if all {
			out = append(out, d)
		}
	}
	sort.Ints(out)
	return out
}

// highlightSet is the set of folded words to highlight: the query words,
// their expansions and typo candidates, and every word of the shards this
// query touched that shares a matched term with a query word.
func (ix *Index) highlightSet(q *search, items []*item) map[string]bool {
	hl := map[string]bool{}
	exact := map[string]bool{}
	for _, it := range items {
		for _, qw := range it.words {
			if qw.known {
				hl[qw.word] = true
			}
			for _, x := range qw.extra {
				hl[x] = true
			}
			for name := range qw.factors {
				exact[name] = true
			}
		}
	}
	touched := append([]int(nil), q.touched...)
	sort.Ints(touched)
	for _, k := range touched {
		s := ix.f.Shard(k)
		for i, w := range s.W {
			if hl[w] {
				continue
			}
			for _, name := range s.Names(i) {
				if exact[name] {
					hl[w] = true
					break
				}
			}
		}
	}
	return hl
}

// verify checks that every phrase of the items occurs, words adjacent and in
// order, in one field of the record.
func (ix *Index) verify(r *format.Record, items []*item) bool {
	var fields [][]string
	add := func(s string) { fields = append(fields, format.Words(s)) }
	add(r.ID)
	add(r.Title)
	add(r.Summary)
	for _, s := range append(append(append([]string{}, r.Aliases...), r.Keywords...), r.Products...) {
		add(s)
	}
	for _, s := range r.Sections {
		if len(s) == 3 {
			add(s[1])
			add(s[2])
		}
	}
	for _, it := range items {
		if len(it.phrase) == 0 {
			continue
		}
		found := false
		for _, f := range fields {
			if hasRun(f, it.phrase) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func hasRun(f, ph []string) bool {
	for i := 0; i+len(ph) <= len(f); i++ {
		j := 0
		for j < len(ph) && f[i+j] == ph[j] {
			j++
		}
		if j == len(ph) {
			return true
		}
	}
	return false
}

// Package report holds what kbbench measures at each corpus size, prints
// it as Markdown tables (readable as text too) and as the whole
// BENCHMARKS.md, and saves it in the cache so that a later run can merge
// the sizes it did not run (-merge).
package report

import "time"

// Size holds everything measured at one corpus size. Its fields are the
// JSON of the saved results: renaming one loses it from older caches.
type Size struct {
	N, Runs int

	KbWall, KbCPU             time.Duration
	KbRebuildWall             time.Duration // over an existing output, median
	KbRSS                     int64
	KbOut, KbIndex, KbIndexGz int64
	KbIndexFiles              int
	Stages                    []Stage
	Incr                      []time.Duration
	IncrMedian                time.Duration
	IncrFiles                 int
	IncrNote                  string
	IncrSearch                *bool // the edits rewrote files under search/ (nil: not known)

	// KbArticle is the article page that weighs most (measure.PageWeight),
	// KbArticleGz its weight.
	KbArticle   string `json:",omitempty"`
	KbArticleGz int64  `json:",omitempty"`

	Peer     *Peer
	PeerNote string

	Search       *Search
	PeerSearch   *Search
	SearchNote   string
	ProfileLines []string

	// From is set on results loaded from an earlier run (-merge): when and
	// at which commit they were measured.
	From string `json:",omitempty"`
}

// Stage is the median time of one stage of `kbsite build -v`, and its
// median CPU utilisation (percent of one core; 0 when not reported).
type Stage struct {
	Name string
	D    time.Duration
	CPU  int
}

// Peer is Hugo + Pagefind building the same articles.
type Peer struct {
	HugoWall, PagefindWall, Wall, CPU time.Duration
	RSS                               int64
	Out, Index, IndexGz               int64
	IndexFiles                        int
	HugoVersion, PagefindVersion      string
}

// Search is one engine's results in bench/search-bench.mjs (its JSON).
type Search struct {
	Queries        int     `json:"queries"`
	Keystrokes     int     `json:"keystrokes"`
	EmptyQueries   int     `json:"emptyQueries"`
	NotFound       int     `json:"notFound"`
	FirstRawMedian float64 `json:"firstRawMedian"`
	FirstGzMedian  float64 `json:"firstGzMedian"`
	FirstGzMax     float64 `json:"firstGzMax"`
	NextRawMedian  float64 `json:"nextRawMedian"`
	NextGzMedian   float64 `json:"nextGzMedian"`
	NextGzP95      float64 `json:"nextGzP95"`
	NextGzMax      float64 `json:"nextGzMax"`
	WholeRawMedian float64 `json:"wholeRawMedian"`
	WholeGzMedian  float64 `json:"wholeGzMedian"`
	WholeGzMax     float64 `json:"wholeGzMax"`
	LatMedian      float64 `json:"latMedian"`
	LatP95         float64 `json:"latP95"`
	LatFirstMedian float64 `json:"latFirstMedian"`
	LatNextMedian  float64 `json:"latNextMedian"`
	LatNextP95     float64 `json:"latNextP95"`
	// Round trips: per keystroke, the longest chain of its requests each
	// started after the previous ended; what it waits for on a network.
	RoundsMedian    float64            `json:"roundsMedian"`
	RoundsP95       float64            `json:"roundsP95"`
	RoundsMax       float64            `json:"roundsMax"`
	FilesP95        float64            `json:"filesP95"`
	FirstKindsGz    map[string]float64 `json:"firstKindsGzMean"`
	WholeKindsGzMed map[string]float64 `json:"wholeKindsGzMedian"`
	PerQuery        []struct {
		Query   string `json:"query"`
		Results int    `json:"results"`
		BytesGz int64  `json:"bytesGz"`
		Top     string `json:"top"`
	} `json:"perQuery"`
}

// Package troubleshooter checks a guided troubleshooter: an article with
// "type: troubleshooter" whose ## sections are steps, each ending with a
// question (a [!QUESTION] callout whose list items link to the next step)
// or an outcome ([!RESOLVED] or [!ESCALATE]).
//
// In: an article body as the markdown package rendered it (its steps,
// callouts and headings).
// Out: located problems of kind "troubleshooter". Errors stop the build (an
// answer that leads nowhere, a step with no question or outcome, a question
// with fewer than two answers, ...); warnings point at dead ends the graph
// allows (a step that cannot be reached, a cycle with no way out).
//
// Answers that leave the article (kb:ID, other files, URLs) and answers
// naming an anchor the page does not have are the link stage's to report;
// here the former count as ways out.
package troubleshooter

import (
	"fmt"
	"slices"
	"strings"

	"kbsite/generator/internal/diag"
	"kbsite/generator/internal/suggest"
	"kbsite/generator/markdown"
)

// Kind marks every troubleshooter problem in text and JSON reports.
const Kind = "troubleshooter"

// step is one node of the graph.
type step struct {
	markdown.StepHeading
	decision *markdown.DecisionCallout // the question or outcome, nil if none
	next     []int                     // steps the answers lead to
	exit     bool                      // an outcome, or an answer leaves the article
}

// graph is a troubleshooter's steps in document order; steps[0] is the start.
type graph struct {
	steps []*step
	byID  map[string]int
	// anchors are the page's other element IDs, which answers may not name.
	anchors map[string]bool
}

// checker reports problems of one file.
type checker struct {
	file string
	dl   *diag.List
}

func (c checker) errorf(line, col int, format string, args ...any) {
	c.dl.Add(diag.Diagnostic{File: c.file, Line: line, Col: col, Severity: diag.Error, Kind: Kind, Msg: fmt.Sprintf(format, args...)})
}

func (c checker) warnf(line, col int, format string, args ...any) {
	c.dl.Add(diag.Diagnostic{File: c.file, Line: line, Col: col, Severity: diag.Warning, Kind: Kind, Msg: fmt.Sprintf(format, args...)})
}

// Check reports every problem of the troubleshooter in file, whose body
// starts on line bodyLine.
func Check(file string, bodyLine int, body *markdown.Result, dl *diag.List) {
	c := checker{file, dl}
	if len(body.Decisions.Steps) == 0 {
		c.errorf(bodyLine, 1, "a troubleshooter needs steps: start each with a ## heading")
		return
	}
	g := c.build(body.Decisions)
	for _, h := range body.Headings {
		g.anchors[h.ID] = true
	}
	for _, id := range body.Anchors {
		g.anchors[id] = true
	}
	for _, id := range markdown.ReservedIDs {
		g.anchors[id] = true
	}
	for i := range body.Decisions.Callouts {
		c.attach(g, &body.Decisions.Callouts[i])
	}
	c.checkDecided(g)
	c.checkReachable(g)
	c.checkCycles(g)
}

// build makes the graph's steps, reporting duplicate IDs.
func (c checker) build(d markdown.Decisions) *graph {
	g := &graph{byID: map[string]int{}, anchors: map[string]bool{}}
	for i, h := range d.Steps {
		g.steps = append(g.steps, &step{StepHeading: h})
		if first, dup := g.byID[h.ID]; dup {
			c.errorf(h.Line, h.Col, "two steps have the ID #%s (the first is on line %d); give one another {#id}", h.ID, g.steps[first].Line)
			continue
		}
		g.byID[h.ID] = i
	}
	return g
}

// checkDecided reports steps that end with neither a question nor an outcome.
func (c checker) checkDecided(g *graph) {
	for _, s := range g.steps {
		if s.decision == nil {
			c.errorf(s.Line, s.Col, "step %q has neither a question nor an outcome; end it with > [!QUESTION], > [!RESOLVED] or > [!ESCALATE]", s.Text)
			s.exit = true // reported already: no warnings about where it leads
		}
	}
}

// attach gives a callout to its step and checks its answers.
func (c checker) attach(g *graph, dc *markdown.DecisionCallout) {
	if dc.Step < 0 || dc.Step >= len(g.steps) {
		c.errorf(dc.Line, dc.Col, "[!%s] is not inside a step; put it under a ## heading", strings.ToUpper(dc.Kind))
		return
	}
	s := g.steps[dc.Step]
	if s.decision != nil {
		c.errorf(dc.Line, dc.Col, "step %q already ends with a [!%s] on line %d; a step has one question or outcome", s.Text, strings.ToUpper(s.decision.Kind), s.decision.Line)
		return
	}
	s.decision = dc
	if dc.Kind != markdown.DecisionQuestion {
		s.exit = true
		return
	}
	switch len(dc.Answers) {
	case 0:
		c.errorf(dc.Line, dc.Col, "question %q has no answers; list at least two under it, each a link to where it leads", dc.Text)
	case 1:
		c.errorf(dc.Line, dc.Col, "question %q has only one answer; a question needs at least two", dc.Text)
	}
	for _, a := range dc.Answers {
		c.answer(g, s, a)
	}
}

// answer records where one answer leads, reporting answers that lead nowhere.
func (c checker) answer(g *graph, s *step, a markdown.Answer) {
	switch {
	case a.Dest == "":
		c.errorf(a.Line, a.Col, "answer %q is not a link; link it to the next step, [%s](#step-id), or to an article", a.Text, a.Text)
	case strings.HasPrefix(a.Dest, "#"):
		id := a.Dest[1:]
		if j, ok := g.byID[id]; ok {
			s.next = append(s.next, j)
		} else if g.anchors[id] {
			c.errorf(a.Line, a.Col, "answer %q leads to #%s, which is not a step of this troubleshooter; answers lead to ## headings%s", a.Text, id, g.hint(id))
		} // else the page has no such anchor at all, which the link stage reports
	default:
		s.exit = true // kb:ID, another file or a URL: the link stage checks it
	}
}

// hint suggests the step ID closest to a misspelt one.
func (g *graph) hint(id string) string {
	ids := make([]string, len(g.steps))
	for i, s := range g.steps {
		ids[i] = s.ID
	}
	if h := suggest.Closest(id, ids); h != "" {
		return " (did you mean #" + h + "?)"
	}
	return ""
}

// checkReachable warns about steps no path from the start leads to.
func (c checker) checkReachable(g *graph) {
	seen := make([]bool, len(g.steps))
	queue := []int{0}
	seen[0] = true
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		for _, j := range g.steps[i].next {
			if !seen[j] {
				seen[j] = true
				queue = append(queue, j)
			}
		}
	}
	for i, s := range g.steps {
		if !seen[i] && g.byID[s.ID] == i { // a duplicate ID is reported already
			c.warnf(s.Line, s.Col, "step %q cannot be reached from the first step %q; no answer leads to it", s.Text, g.steps[0].Text)
		}
	}
}

// checkCycles warns about each cycle of steps from which no answer leads
// to an outcome or out of the article: a reader in it can only go round.
func (c checker) checkCycles(g *graph) {
	escapes := g.escapes()
	for _, comp := range g.components() {
		if escapes[comp[0]] || !g.isCycle(comp) {
			continue
		}
		ids := make([]string, len(comp))
		for k, i := range comp {
			ids[k] = "#" + g.steps[i].ID
		}
		first := g.steps[comp[0]]
		c.warnf(first.Line, first.Col, "a cycle with no way out: %s lead only to each other; add an answer that leads to an outcome or to another article", strings.Join(ids, ", "))
	}
}

// escapes tells for each step whether some path from it reaches an exit.
func (g *graph) escapes() []bool {
	out := make([]bool, len(g.steps))
	for changed := true; changed; {
		changed = false
		for i, s := range g.steps {
			if out[i] {
				continue
			}
			if s.exit || slices.ContainsFunc(s.next, func(j int) bool { return out[j] }) {
				out[i], changed = true, true
			}
		}
	}
	return out
}

// isCycle reports whether a strongly connected component holds a cycle:
// more than one step, or one step that leads to itself.
func (g *graph) isCycle(comp []int) bool {
	return len(comp) > 1 || slices.Contains(g.steps[comp[0]].next, comp[0])
}

// components returns the strongly connected components of the graph
// (Tarjan's algorithm), each sorted in document order, ordered by their
// first step.
func (g *graph) components() [][]int {
	n := len(g.steps)
	index, low := make([]int, n), make([]int, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	var out [][]int
	next := 0
	var visit func(v int)
	visit = func(v int) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		for _, w := range g.steps[v].next {
			if index[w] < 0 {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] != index[v] {
			return
		}
		var comp []int
		for {
			w := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[w] = false
			comp = append(comp, w)
			if w == v {
				break
			}
		}
		slices.Sort(comp)
		out = append(out, comp)
	}
	for v := range n {
		if index[v] < 0 {
			visit(v)
		}
	}
	slices.SortFunc(out, func(a, b []int) int { return a[0] - b[0] })
	return out
}

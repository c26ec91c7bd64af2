package load

import (
	"kbsite/generator/content"
	"kbsite/generator/internal/diag"
	"kbsite/generator/markdown"
	"kbsite/generator/resolve/troubleshooter"
)

// checkDecisions runs the troubleshooter checks on a troubleshooter, and
// warns when another article uses a troubleshooter callout, which only a
// troubleshooter page turns into steps.
func checkDecisions(a *Article, body *markdown.Result, bodyLine int, dl *diag.List) {
	d := body.Decisions
	if a.Meta.Type == content.TypeTroubleshooter {
		troubleshooter.Check(a.File, bodyLine, body, dl)
		return
	}
	for _, c := range d.Callouts {
		if c.Kind == markdown.DecisionQuestion {
			dl.Add(diag.Diagnostic{File: a.File, Line: c.Line, Col: c.Col, Severity: diag.Warning, Kind: troubleshooter.Kind,
				Msg: "[!QUESTION] is meant for troubleshooters; add \"type: troubleshooter\" to the front matter to make the page guide readers step by step"})
			return
		}
	}
}

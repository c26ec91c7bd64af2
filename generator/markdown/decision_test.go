package markdown

import (
	"reflect"
	"strings"
	"testing"
)

func TestDecisionsAreRecordedWithPositions(t *testing.T) {
	src := "Intro.\n\n## First step {#start}\n\n> [!QUESTION] Is it *on*?\n> - [Yes](#done)\n> - No, [not yet](kb:KB1#cause)\n> - Maybe\n\n## Done\n\n> [!RESOLVED]\n> Fixed.\n"
	res := render(t, src, Options{})
	want := Decisions{
		Steps: []StepHeading{{ID: "start", Text: "First step", Line: 12, Col: 1}, {ID: "done", Text: "Done", Line: 19, Col: 1}},
		Callouts: []DecisionCallout{
			{Kind: DecisionQuestion, Step: 0, Text: "Is it on?", Line: 14, Col: 3, Answers: []Answer{
				{Text: "Yes", Dest: "#done", Line: 15, Col: 5},
				{Text: "not yet", Dest: "kb:KB1#cause", Line: 16, Col: 9},
				{Text: "Maybe", Line: 17, Col: 5},
			}},
			{Kind: DecisionResolved, Step: 1, Text: "Fixed.", Line: 21, Col: 3},
		},
	}
	if !reflect.DeepEqual(res.Decisions, want) {
		t.Errorf("decisions =\n%+v\nwant\n%+v", res.Decisions, want)
	}
	if res.Headings[0].ID != "start" || res.Headings[0].Text != "First step" {
		t.Errorf("explicit {#id} not applied to the headings: %+v", res.Headings)
	}
	// Answer links are links like any other: checked by the link stage.
	if len(res.Links) != 2 || res.Links[0].Dest != "#done" || res.Links[1].Dest != "kb:KB1#cause" {
		t.Errorf("links = %+v", res.Links)
	}
}

func TestEscalateLinksToSupport(t *testing.T) {
	src := "## Help\n\n> [!ESCALATE] Call us.\n"
	off := string(render(t, src, Options{}).HTML)
	if strings.Contains(off, "support-link") {
		t.Errorf("no support_url, yet a support link:\n%s", off)
	}
	labels := DefaultLabels()
	labels.Callouts["support"] = "Ask <us>"
	on := string(New(Options{SupportURL: `https://help.example.com/?a=1&b="x"`}, labels).Render([]byte(src), 1).HTML)
	want := `<p class="support-link"><a href="https://help.example.com/?a=1&amp;b=&#34;x&#34;">Ask &lt;us&gt;</a></p>` + "\n</div>"
	if !strings.Contains(on, want) || !strings.Contains(on, "<p>Call us.</p>") {
		t.Errorf("escalate with support_url:\n%s\nwant %s", on, want)
	}
}

func TestOtherMarkersStayQuotes(t *testing.T) {
	res := render(t, "> [!QUESTIONS] Not a kind.\n\n> [!NOTE] Text after a note marker.\n", Options{})
	if len(res.Decisions.Callouts) != 0 || strings.Contains(string(res.HTML), "data-decision") {
		t.Errorf("unexpected decision: %+v\n%s", res.Decisions, res.HTML)
	}
}

package markdown

// translatedCallouts are the callout kinds whose labels the theme's UI
// strings translate; the other labels stay DefaultLabels'.
var translatedCallouts = []string{"note", "tip", "important", "warning", "caution", "question", "resolved", "escalate", "support"}

// LabelsIn are the labels of one language: t gives the theme's UI string
// for a key ("back_to_top", and "callout_" and the kind of each
// translated callout).
func LabelsIn(t func(key string) string) Labels {
	l := Labels{BackToTop: t("back_to_top"), Callouts: map[string]string{}}
	for _, k := range translatedCallouts {
		l.Callouts[k] = t("callout_" + k)
	}
	return l
}

package markdown

// LabelsIn are the labels of one language: t gives the theme's UI string
// for a key ("back_to_top", and "callout_" and the kind of each callout
// DefaultLabels names).
func LabelsIn(t func(key string) string) Labels {
	l := Labels{BackToTop: t("back_to_top"), Callouts: map[string]string{}}
	for k := range DefaultLabels().Callouts {
		l.Callouts[k] = t("callout_" + k)
	}
	return l
}

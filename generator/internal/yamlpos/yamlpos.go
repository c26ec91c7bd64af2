// Package yamlpos holds the small helpers the front matter and configuration
// readers share for turning YAML problems into located diagnostics.
package yamlpos

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
)

var lineRe = regexp.MustCompile(`^yaml: (?:unmarshal errors:\n\s*)?line (\d+): (.*)$`)

// Split takes a yaml.v3 error and returns the 1-based line it names (0 when
// it names none) and the message without the "yaml: line N:" prefix.
func Split(err error) (int, string) {
	msg := err.Error()
	if m := lineRe.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		msg = firstLine(m[2])
		if parserProblems[msg] && !strings.HasPrefix(m[0], "yaml: unmarshal errors:") {
			n++
		}
		return n, msg
	}
	return 0, firstLine(strings.TrimPrefix(msg, "yaml: "))
}

// parserProblems are the messages of yaml.v3's parser (parserc.go), as
// opposed to its scanner's. It numbers a scanner error's line from 1 but
// a parser error's from 0 (decode.go, parser.fail): "title: [unclosed" on
// line 3 of a file is its "line 2".
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// FieldPtrs returns, by yaml tag name, a pointer to each field of the
// struct that ptr points to, so that a mapping can be decoded key by key
// and a value of the wrong type reported at its own position and key.
func FieldPtrs(ptr any) map[string]any {
	v := reflect.ValueOf(ptr).Elem()
	out := make(map[string]any, v.NumField())
	for i := 0; i < v.NumField(); i++ {
		tag := strings.Split(v.Type().Field(i).Tag.Get("yaml"), ",")[0]
		if tag != "" && tag != "-" {
			out[tag] = v.Field(i).Addr().Interface()
		}
	}
	return out
}

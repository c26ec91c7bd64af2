package packed

import (
	"bytes"
	"strings"
	"testing"
)

func TestPackedHTMLRoundTrip(t *testing.T) {
	body := []byte(strings.Repeat("<p>Click <strong>Start</strong>, and then click \x00L3\x00.</p>\n", 200))
	for _, html := range [][]byte{nil, []byte("x"), body, []byte("\xff\xfe invalid UTF-8 \x00")} {
		p := Pack(html)
		if got := p.Unpack(); !bytes.Equal(got, html) {
			t.Fatalf("round trip of %d bytes gave %d bytes", len(html), len(got))
		}
		if cap(p) != len(p) {
			t.Errorf("packed %d bytes keep a buffer of %d", len(p), cap(p))
		}
	}
	if p := Pack(body); len(p)*5 > len(body) {
		t.Errorf("packed %d bytes into %d: want at most a fifth", len(body), len(p))
	}
}

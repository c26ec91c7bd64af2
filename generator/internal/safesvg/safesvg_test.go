package safesvg

import (
	"os"
	"strings"
	"testing"
)

const ns = `xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"`

func TestPicturesPass(t *testing.T) {
	for _, s := range []string{
		`<svg ` + ns + `><defs><linearGradient id="g"/></defs><rect fill="url(#g)" style="fill: url('#g')"/></svg>`,
		`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">` + "\n<svg " + ns + `/>`,
		"\ufeff<svg " + ns + `><use xlink:href="#a"/><a href="#top"><text>x</text></a></svg>`,
		`<svg ` + ns + `><image href="data:image/png;base64,iVBORw0KGgo="/><style>.a{fill:#333}</style></svg>`,
		`<svg ` + ns + ` xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:export-filename="C:\Users\a\x.png"><inkscape:grid/><animate attributeName="opacity" values="0;1"/></svg>`,
	} {
		if p := Check([]byte(s)); p != nil {
			t.Errorf("%s: %v", s, p)
		}
	}
}

func TestBundledAndCorpusSVGsPass(t *testing.T) {
	for _, f := range []string{"../../../content/images/connection-types.svg", "../../../../shared/corpus/wsl/media/wsl-icon.svg"} {
		data, err := os.ReadFile(f)
		if os.IsNotExist(err) && strings.Contains(f, "shared") {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if p := Check(data); p != nil {
			t.Errorf("%s: %v", f, p)
		}
	}
}

func TestScriptAndReferencesAreRefused(t *testing.T) {
	for _, c := range []struct{ svg, want string }{
		{`<svg ` + ns + ` onload="window.__pwned=1"/>`, `line 1:1: <svg onload="window.__pwned=1">: event handler`},
		{"<svg " + ns + ">\n  <script>window.__pwned=1</script></svg>", "line 2:3: <script> element"},
		{`<svg ` + ns + `><SCRIPT/></svg>`, "<SCRIPT> element"},
		{`<svg ` + ns + `><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"/></foreignObject></svg>`, "<foreignObject> element"},
		{`<svg ` + ns + `><h:img xmlns:h="http://www.w3.org/1999/xhtml" src="x"/></svg>`, "<img> element of http://www.w3.org/1999/xhtml"},
		{`<svg ` + ns + `><a xlink:href="javascript:window.__pwned=1"/></svg>`, `<a xlink:href="javascript:window.__pwned=1">: script URL`},
		{`<svg ` + ns + `><a href="jav&#x09;ascript:alert(1)"/></svg>`, "script URL"},
		{`<svg ` + ns + `><use href="other.svg#a"/></svg>`, "reference outside the file"},
		{`<svg ` + ns + `><image xlink:href="https://evil.example/x.png"/></svg>`, "reference outside the file"},
		{`<svg ` + ns + `><image href="data:image/svg+xml;base64,PHN2Zz4="/></svg>`, "reference outside the file"},
		{`<svg ` + ns + `><rect fill="url(https://evil.example/#g)"/></svg>`, "url() outside the file"},
		{`<svg ` + ns + `><rect style="fill:url( 'x.svg#g')"/></svg>`, "url() outside the file"},
		{`<svg ` + ns + `><rect fill="\75 rl(x.svg#g)"/></svg>`, "CSS escape"},
		{`<svg ` + ns + ` xmlns:e="urn:x"><rect e:onclick="x"/></svg>`, "event handler"},
		{`<svg ` + ns + `><style>@import "https://evil.example/x.css";</style></svg>`, "CSS that loads or runs something"},
		{`<svg ` + ns + `><style><![CDATA[rect{fill:\75 rl(x)}]]></style></svg>`, "CSS escape"},
		{`<svg ` + ns + `><set attributeName="href" to="https://evil.example/"/></svg>`, "animates a reference or event handler"},
		{`<svg ` + ns + `><animate attributeName="onclick" to="x"/></svg>`, "animates a reference or event handler"},
		{`<!DOCTYPE svg [<!ENTITY s "&#60;script>">]><svg ` + ns + `>&s;</svg>`, "a DOCTYPE with declarations"},
		{`<?xml-stylesheet type="text/xsl" href="x.xsl"?><svg ` + ns + `/>`, "processing instruction <?xml-stylesheet?>"},
		{`<?xml version="1.0" encoding="UTF-7"?><svg ` + ns + `/>`, "cannot read it as UTF-8 XML"},
		{`<svg ` + ns + `>&nbsp;</svg>`, "not well-formed XML"},
		{`<svg ` + ns + `><g></svg>`, "not well-formed XML"},
	} {
		p := Check([]byte(c.svg))
		if p == nil {
			t.Errorf("%s: passed, want %q", c.svg, c.want)
		} else if !strings.Contains(p.Error(), c.want) {
			t.Errorf("%s: %q, want %q", c.svg, p.Error(), c.want)
		}
	}
}

func TestMalformedIsLocated(t *testing.T) {
	p := Check([]byte("<svg " + ns + ">\n<g>\n&nbsp;</g></svg>"))
	if p == nil || p.Error() != "line 3: not well-formed XML: invalid character entity &nbsp;" {
		t.Errorf("got %v", p)
	}
	p = Check([]byte(`<?xml version="1.0" encoding="UTF-7"?><svg/>`))
	if p == nil || !strings.Contains(p.Error(), `encoding "UTF-7" declared`) {
		t.Errorf("got %v", p)
	}
}

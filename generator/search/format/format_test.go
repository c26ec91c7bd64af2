package format

import (
	"math"
	"testing"
)

// TestIdfQ: the integer idf is log2(1+n/df) to 1/1024, and never falls
// as df falls.
func TestIdfQ(t *testing.T) {
	for _, n := range []int{1, 2, 36, 300, 10000, 100000, 1 << 24} {
		prev := -1
		for df := n; df >= 1; df -= max(1, df/7) {
			got := IDFQ(n, df)
			want := math.Log2(1 + float64(n)/float64(df))
			if math.Abs(float64(got)/1024-want) > 2.0/1024 || got < prev {
				t.Fatalf("IDFQ(%d, %d) = %d, want about %v*1024", n, df, got, want)
			}
			prev = got
		}
	}
}

// TestCompound: the technical token of a chunk of text.
func TestCompound(t *testing.T) {
	for in, want := range map[string]string{
		"--install": "--install", "(.wslconfig)": ".wslconfig", "wsl.exe,": "wsl.exe",
		`C:\Windows\System32.`: `c:\windows\system32`, "802.1X": "802.1x", "C#": "c#", "C++": "c++",
		"Get-NetAdapter": "get-netadapter", "word": "", "-": "", "a,b": "", "“quoted”": "",
		"0x80070005": "", "Größe-Ändern": "grosse-andern",
	} {
		if got := Compound(in); got != want {
			t.Errorf("Compound(%q) = %q, want %q", in, got, want)
		}
	}
}

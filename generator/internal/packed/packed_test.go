package packed

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

var body = []byte(strings.Repeat("<p>Click <strong>Start</strong>, and then click \x00L3\x00.</p>\n", 200))

func TestPackedHTMLRoundTrip(t *testing.T) {
	for _, html := range [][]byte{nil, []byte("x"), body, []byte("\xff\xfe invalid UTF-8 \x00")} {
		p := Pack(html)
		if got := p.Unpack(); !bytes.Equal(got, html) {
			t.Fatalf("round trip of %d bytes gave %d bytes", len(html), len(got))
		}
		if cap(p.mem) != len(p.mem) {
			t.Errorf("packed %d bytes keep a buffer of %d", len(p.mem), cap(p.mem))
		}
	}
	if p := Pack(body); len(p.mem)*5 > len(body) {
		t.Errorf("packed %d bytes into %d: want at most a fifth", len(body), len(p.mem))
	}
	if got := (HTML{}).Unpack(); len(got) != 0 {
		t.Errorf("the zero HTML unpacks to %q", got)
	}
}

// TestStoreSpills: past its budget a Store writes bodies to a file no one
// can see, reads each back as it was, from many goroutines at once, and
// keeps what fits the budget in memory.
func TestStoreSpills(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	s := NewStore(int64(len(Pack(body).mem)) * 3)
	bodies := make([][]byte, 200)
	packs := make([]HTML, len(bodies))
	var wg sync.WaitGroup
	for i := range bodies {
		bodies[i] = append([]byte(strings.Repeat("x", i)), body...)
		wg.Add(1)
		go func() { defer wg.Done(); packs[i] = s.Pack(bodies[i]) }()
	}
	wg.Wait()
	inMem, spilled := 0, 0
	for i, p := range packs {
		if p.s != nil {
			spilled++
		} else {
			inMem++
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := p.Unpack(); !bytes.Equal(got, bodies[i]) {
				t.Errorf("body %d: %d bytes back, want %d", i, len(got), len(bodies[i]))
			}
		}()
	}
	wg.Wait()
	if spilled == 0 || inMem < 3 || inMem > 3+2 { // +2: the goroutines may race past the budget
		t.Errorf("%d bodies in memory, %d spilled: want 3 in memory", inMem, spilled)
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "*")); len(left) != 0 {
		t.Errorf("the store left %v in the temporary folder", left)
	}
}

// TestStoreWithoutDisk: a Store that cannot make its file keeps every
// body in memory.
func TestStoreWithoutDisk(t *testing.T) {
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	s := NewStore(0)
	for range 3 {
		if p := s.Pack(body); p.s != nil || !bytes.Equal(p.Unpack(), body) {
			t.Fatal("a body went to a file that cannot exist")
		}
	}
	var nilStore *Store
	if p := nilStore.Pack(body); !bytes.Equal(p.Unpack(), body) {
		t.Fatal("a nil store lost a body")
	}
}

func TestTextsRoundTrip(t *testing.T) {
	for _, ts := range [][]string{nil, {""}, {"a", "", "héllo wörld", string(body)}, {"\xff invalid", "x"}} {
		var s *Store
		p := s.PackTexts(ts)
		if len(ts) > 0 {
			if spilled := NewStore(0).PackTexts(ts); !spilled.enc.Spilled() || !slices.Equal(spilled.Unpack(), ts) {
				t.Errorf("%q spilled: %q", ts, spilled.Unpack())
			}
		}
		got := p.Unpack()
		if p.Len() != len(ts) || len(got) != len(ts) {
			t.Fatalf("%d texts back of %d", len(got), len(ts))
		}
		for i := range ts {
			if got[i] != ts[i] {
				t.Errorf("text %d: %q, want %q", i, got[i], ts[i])
			}
		}
	}
}

// UnpackInto gives the same strings as Unpack through one reused buffer,
// in memory, spilled and unpacked, growing it when short.
func TestTextsUnpackInto(t *testing.T) {
	var buf []byte
	for _, s := range []*Store{nil, NewStore(0), Unpacked()} {
		for _, ts := range [][]string{{"a long first text " + string(body), "b"}, {"short", "", "héllo"}, {string(body) + string(body)}} {
			got := s.PackTexts(ts).UnpackInto(&buf)
			if !slices.Equal(got, ts) {
				t.Errorf("%q back as %q", ts, got)
			}
		}
	}
	if cap(buf) < 2*len(body) {
		t.Errorf("buffer of %d bytes, not grown to the largest texts (%d)", cap(buf), 2*len(body))
	}
}

// TestStoreReadFailure: a body the disk cannot give back is empty, with
// the Store's Err saying why, rather than a panic in the middle of
// writing pages; texts are empty strings.
func TestStoreReadFailure(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	s := NewStore(0)
	p, ts := s.Pack(body), s.PackTexts([]string{"Symptoms text", "Cause text"})
	if !p.Spilled() || s.Err() != nil {
		t.Fatalf("spilled %v, err %v", p.Spilled(), s.Err())
	}
	s.f.Close() // the disk fails
	if got := p.Unpack(); got != nil {
		t.Errorf("unpacked %d bytes from a closed file", len(got))
	}
	if got := ts.Unpack(); !slices.Equal(got, []string{"", ""}) {
		t.Errorf("texts %q, want two empty strings", got)
	}
	if err := s.Err(); err == nil || !strings.Contains(err.Error(), "reading an article body back from the temporary file") {
		t.Errorf("Err() = %v", err)
	}
	if (*Store)(nil).Err() != nil {
		t.Error("a nil Store has an error")
	}
}

// TestUnpackedStore: an unpacking Store gives back every body and text as
// given, and each Unpack is a copy the caller may write over, as with a
// packing Store.
func TestUnpackedStore(t *testing.T) {
	s := Unpacked()
	p, empty := s.Pack(body), s.Pack(nil)
	if p.Spilled() || !bytes.Equal(p.Unpack(), body) || len(empty.Unpack()) != 0 {
		t.Fatal("an unpacked body came back changed")
	}
	got := p.UnpackTo(make([]byte, 0, 10))
	for i := range got {
		got[i] = 'x'
	}
	if !bytes.Equal(p.Unpack(), body) {
		t.Fatal("writing over what Unpack returned changed the kept body")
	}
	ts := []string{"Symptoms text", "", "Cause text"}
	if back := s.PackTexts(ts).Unpack(); !slices.Equal(back, ts) {
		t.Errorf("texts %q, want %q", back, ts)
	}
	if s.Err() != nil {
		t.Error(s.Err())
	}
}

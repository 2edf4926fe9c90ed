package quizzes

import (
	"strings"
	"testing"
)

func TestArticleText(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, file, in, want string
	}{
		{"plain text is kept byte for byte", "a.txt", "Curly “quotes” stay.\nNo final newline", "Curly “quotes” stay.\nNo final newline"},
		{"html loses markup, scripts and navigation", "a.html",
			`<html><head><title>T</title><script>var x=1</script></head><body><nav>Home | About</nav>
			<h1>The Nile</h1><p>The <b>Nile</b> is long.</p><p>It flows
			north.</p><footer>© 2026</footer></body></html>`,
			"The Nile\nThe Nile is long.\nIt flows north."},
		{"html is recognised without an extension", "", "<!doctype html><p>One</p><p>Two &amp; three</p>", "One\nTwo & three"},
		{"markdown loses its syntax", "notes.md", "# Rivers\n\nThe **Nile** is [long](http://x).\nIt flows *north*.\n\n- one\n- two\n\n```\ncode\n```",
			"Rivers\nThe Nile is long. It flows north.\none two\ncode"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ArticleText(tc.file, []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	if _, err := ArticleText("a.txt", []byte("caf\xe9")); err == nil || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("latin-1 text: err = %v, want a UTF-8 message", err)
	}
}

func FuzzArticleText(f *testing.F) {
	for _, s := range []string{"<p>a</p>", "# h\n\n*x*", "plain", "<html><script>", "[a](b) ![c](d)"} {
		f.Add("x.html", s)
		f.Add("x.md", s)
	}
	f.Fuzz(func(t *testing.T, name, in string) {
		out, err := ArticleText(name, []byte(in))
		if err == nil && strings.Contains(out, "<script") && !strings.Contains(in, "&lt;script") && strings.HasSuffix(name, ".html") {
			t.Errorf("script markup survived: %q", out)
		}
	})
}

package quizzes

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// ArticleText turns an uploaded article into the plain text questions point
// into: HTML loses its markup (scripts, styles and navigation dropped, block
// elements become paragraphs), Markdown its syntax, and plain text is kept
// as it is. name (the file name) tells the kind; content sniffing decides
// when it does not.
func ArticleText(name string, data []byte) (string, error) {
	if !utf8.Valid(data) {
		return "", fmt.Errorf("the file is not UTF-8 text; save it as UTF-8 and try again")
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	switch ext := strings.ToLower(filepath.Ext(name)); {
	case ext == ".html" || ext == ".htm" || (ext == "" && looksLikeHTML(data)):
		return htmlText(data)
	case ext == ".md" || ext == ".markdown":
		return markdownText(string(data)), nil
	}
	return string(data), nil
}

func looksLikeHTML(data []byte) bool {
	head := strings.ToLower(string(data[:min(len(data), 512)]))
	return strings.Contains(head, "<html") || strings.Contains(head, "<!doctype html") || strings.Contains(head, "<p>") || strings.Contains(head, "<body")
}

// skipped elements hold no article text.
var skipped = map[string]bool{"script": true, "style": true, "noscript": true, "nav": true, "header": true,
	"footer": true, "aside": true, "form": true, "template": true, "svg": true, "iframe": true, "head": true}

// block elements end a paragraph.
var block = map[string]bool{"p": true, "div": true, "br": true, "li": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "blockquote": true, "section": true, "article": true, "tr": true,
	"pre": true, "figcaption": true, "dd": true, "dt": true, "table": true, "ul": true, "ol": true}

func htmlText(data []byte) (string, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return "", fmt.Errorf("the HTML could not be read: %w", err)
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && skipped[n.Data] {
			return
		}
		if n.Type == html.TextNode {
			cur.WriteString(n.Data)
		}
		isBlock := n.Type == html.ElementNode && block[n.Data]
		if isBlock {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if isBlock {
			flush()
		}
	}
	walk(doc)
	flush()
	return strings.Join(paras, "\n"), nil
}

var (
	mdFence    = regexp.MustCompile("(?m)^```.*$")
	mdImage    = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdHeading  = regexp.MustCompile(`(?m)^[ \t]{0,3}#{1,6}[ \t]+`)
	mdQuote    = regexp.MustCompile(`(?m)^[ \t]{0,3}>[ \t]?`)
	mdList     = regexp.MustCompile(`(?m)^[ \t]*(?:[-*+]|\d+[.)])[ \t]+`)
	mdRule     = regexp.MustCompile(`(?m)^[ \t]*(?:[-*_][ \t]*){3,}$`)
	mdEmphasis = regexp.MustCompile(`(\*\*|__|\*|_|~~|` + "`" + `)([^\s*_~` + "`" + `][^*_~` + "`" + `]*?)(\*\*|__|\*|_|~~|` + "`" + `)`)
)

// markdownText keeps the words of Markdown and drops its syntax; lines of
// one paragraph are joined, paragraphs are separated by a line break.
func markdownText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = mdFence.ReplaceAllString(s, "")
	s = mdRule.ReplaceAllString(s, "")
	s = mdImage.ReplaceAllString(s, "$1")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdHeading.ReplaceAllString(s, "")
	s = mdQuote.ReplaceAllString(s, "")
	s = mdList.ReplaceAllString(s, "")
	s = mdEmphasis.ReplaceAllString(s, "$2")
	var paras []string
	for _, block := range strings.Split(s, "\n\n") {
		if t := strings.Join(strings.Fields(block), " "); t != "" {
			paras = append(paras, t)
		}
	}
	return strings.Join(paras, "\n")
}

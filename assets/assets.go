// Package assets holds the files embedded in the binary: the stylesheet,
// the small script, the icon and the bundled sample article.
package assets

import (
	"embed"
	"io/fs"
)

//go:embed static
var static embed.FS

// Static is the tree served under /static.
var Static, _ = fs.Sub(static, "static")

// SampleArticle is the article of the quiz a new installation starts with,
// byte for byte as published.
//
//go:embed north-korean-troops.txt
var SampleArticle string

// SampleTitle and SampleSource describe SampleArticle.
const (
	SampleTitle  = "North Korean troops and the strain on Russia's economy"
	SampleSource = "News report, bundled with quiztrainer as a sample"
)

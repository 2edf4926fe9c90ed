package formats

import (
	"encoding/base64"
	"mime"
	"net/url"
	"path"
	"strings"
)

// xmlFile is a file Moodle embeds next to a text (an image in a question,
// say), which the text points at as @@PLUGINFILE@@/name.
type xmlFile struct {
	Name     string `xml:"name,attr"`
	Path     string `xml:"path,attr"`
	Encoding string `xml:"encoding,attr"`
	Data     string `xml:",chardata"`
}

// inlineFiles puts each embedded file into the text as a data: URL. The
// program stores no files with a question, and this keeps a Moodle export's
// images showing, at the price of a longer text. A file that is not valid
// base64 is left out, and its reference stays as Moodle wrote it.
func inlineFiles(text string, files []xmlFile) string {
	if !strings.Contains(text, "@@PLUGINFILE@@") {
		return text
	}
	for _, f := range files {
		data := strings.Join(strings.Fields(f.Data), "")
		if f.Encoding != "" && f.Encoding != "base64" {
			continue
		}
		if _, err := base64.StdEncoding.DecodeString(data); err != nil || f.Name == "" {
			continue
		}
		kind := mime.TypeByExtension(strings.ToLower(path.Ext(f.Name)))
		if kind == "" {
			kind = "application/octet-stream"
		}
		dir := f.Path
		if dir == "" {
			dir = "/"
		}
		uri := "data:" + kind + ";base64," + data
		// Moodle writes the name URL-encoded in the text ("my%20photo.jpg").
		text = strings.ReplaceAll(text, "@@PLUGINFILE@@"+dir+pathEscape(f.Name), uri)
		text = strings.ReplaceAll(text, "@@PLUGINFILE@@"+dir+f.Name, uri)
	}
	return text
}

func pathEscape(name string) string {
	return strings.ReplaceAll(url.PathEscape(name), "+", "%2B")
}

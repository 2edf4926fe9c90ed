package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxSentenceTokens bounds a sentence, so text without end punctuation
// still costs time in proportion to its length.
const maxSentenceTokens = 200

// splitSentences cuts a paragraph's tokens into sentences: after ".", "!",
// "?" or an ellipsis (and any closing quotes or brackets after it) when the
// next token begins a sentence: a capital, a digit, an opening quote or
// bracket. A heading is one sentence.
func splitSentences(toks []Token, kind ParagraphKind) [][]Token {
	var out [][]Token
	start := 0
	for i := 0; i < len(toks); i++ {
		end := false
		if i+1 == len(toks) {
			end = true
		} else if i+1-start >= maxSentenceTokens {
			end = true
		} else if kind != Heading && isSentenceEnd(toks[i].Form) {
			j := i + 1
			for j < len(toks) && isClosing(toks[j].Form) && toks[j].Start == toks[j-1].End {
				j++
			}
			// After "?" or "!" not closed by a quote, even a lower-case word
			// begins a sentence (web text: "any lounges? im 15").
			strong := j == i+1 && strings.ContainsAny(toks[i].Form, "?!") && isWordStart(toks[j].Form)
			if j == len(toks) || beginsSentence(toks[j].Form) || strong {
				i = j - 1
				end = true
			}
		}
		if end {
			out = append(out, toks[start:i+1])
			start = i + 1
		}
	}
	return out
}

func isSentenceEnd(form string) bool {
	switch form {
	case ".", "!", "?", "...", "?!", "!!", "??", "!?":
		return true
	}
	return strings.Trim(form, "!?.") == "" && form != ""
}

func isClosing(form string) bool {
	switch form {
	case "\"", "'", ")", "]", "}", "''":
		return true
	}
	return false
}

func beginsSentence(form string) bool {
	r, _ := utf8.DecodeRuneInString(form)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'([{*-", r)
}

func isWordStart(form string) bool {
	r, _ := utf8.DecodeRuneInString(form)
	return unicode.IsLetter(r)
}

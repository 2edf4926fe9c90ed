package quizzes

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The form typed answers are compared in. A student who writes "seventy
// thousand", "70,000" or "70000", "Nov. 7, 1867" or "7 November 1867",
// "Reykjavík" or "Reykjavik", "O’Brien" or "OBrien" means the same, and is
// marked the same.

// answerForm is a typed answer folded to comparable words: lower case, no
// diacritics, no punctuation, numbers in digits, dates as year-month-day.
// caps says, for each word, whether it was written with a capital (a name).
type answerForm struct {
	words []string
	caps  []bool
}

func (f answerForm) String() string { return strings.Join(f.words, " ") }

// NormalizeAnswer folds a typed answer so that case, spacing, punctuation,
// diacritics, curly or straight quotes and a leading article ("the", "a",
// "an") do not matter, numbers are written in digits without separators
// ("70,000" and "seventy thousand" are "70000"; "3,5" is "3.5") and dates
// as year-month-day ("Nov. 7, 1867" is "1867-11-07", "November 1867" is
// "1867-11", "7 November" is "11-07").
func NormalizeAnswer(s string) string { return formOf(s).String() }

type rawWord struct {
	text string
	cap  bool
	num  bool // digits, maybe with separators or a sign
}

func formOf(s string) answerForm {
	words := splitWords(s)
	words = readNumbers(words)
	words = readDates(words)
	var f answerForm
	for _, w := range words {
		f.words = append(f.words, w.text)
		f.caps = append(f.caps, w.cap)
	}
	for len(f.words) > 1 && (f.words[0] == "the" || f.words[0] == "a" || f.words[0] == "an") {
		f.words, f.caps = f.words[1:], f.caps[1:]
	}
	return f
}

// splitWords cuts a typed answer into lower-case words. Apostrophes inside
// a word vanish ("O’Brien" is "obrien"); "." and "," between digits stay in
// the number; "&" is "and" and "%" is "percent"; a "*" (Moodle's wildcard)
// is kept as part of its word.
func splitWords(s string) []rawWord {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	rs := []rune(s)
	var out []rawWord
	var cur []rune
	cap, num := false, false
	flush := func() {
		if len(cur) > 0 {
			out = append(out, rawWord{text: string(cur), cap: cap, num: num})
		}
		cur, cap, num = cur[:0:0], false, false
	}
	for i := 0; i < len(rs); i++ {
		r := foldRune(rs[i])
		prevDigit := i > 0 && unicode.IsDigit(rs[i-1])
		nextDigit := i+1 < len(rs) && unicode.IsDigit(rs[i+1])
		nextLetter := i+1 < len(rs) && unicode.IsLetter(rs[i+1])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '*':
			if len(cur) == 0 {
				cap = unicode.IsUpper(rs[i])
				num = unicode.IsDigit(r)
			}
			cur = append(cur, unicode.ToLower(r))
		case (r == '.' || r == ',') && prevDigit && nextDigit && len(cur) > 0 && num:
			cur = append(cur, r)
		case (r == '-' || r == '\u2013' || r == '\u2212') && prevDigit && nextDigit && len(cur) > 0 && num:
			cur = append(cur, '-') // "1867-11-07", "1914-1918"
		case (r == '-' || r == '\u2212') && nextDigit && len(cur) == 0 && (i == 0 || !unicode.IsLetter(rs[i-1]) && !unicode.IsDigit(rs[i-1])):
			cur = append(cur, '-')
			num = true
		case isApostrophe(r) && len(cur) > 0 && nextLetter && !num:
			// inside a word: dropped
		case r == '&':
			flush()
			out = append(out, rawWord{text: "and"})
		case r == '%':
			flush()
			out = append(out, rawWord{text: "percent"})
		default:
			flush()
		}
	}
	flush()
	// "per cent" is "percent"
	for i := 0; i+1 < len(out); i++ {
		if out[i].text == "per" && out[i+1].text == "cent" {
			out[i].text = "percent"
			out = append(out[:i+1], out[i+2:]...)
		}
	}
	return out
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02bc', '`', '\u00b4':
		return true
	}
	return false
}

// foldRune drops the diacritics of the Latin letters ("í" is "i") and
// turns curly quotes straight.
func foldRune(r rune) rune {
	if r < 0x80 {
		return r
	}
	if f, ok := latinFold[unicode.ToLower(r)]; ok {
		if unicode.IsUpper(r) {
			return unicode.ToUpper(f)
		}
		return f
	}
	return r
}

var latinFold = func() map[rune]rune {
	m := map[rune]rune{}
	for base, marked := range map[rune]string{
		'a': "àáâãäåāăą", 'c': "çćĉċč", 'd': "ďđ", 'e': "èéêëēĕėęě", 'g': "ĝğġģ",
		'h': "ĥħ", 'i': "ìíîïĩīĭįı", 'j': "ĵ", 'k': "ķ", 'l': "ĺļľŀł", 'n': "ñńņňŉ",
		'o': "òóôõöøōŏő", 'r': "ŕŗř", 's': "śŝşšș", 't': "ţťŧț", 'u': "ùúûüũūŭůűų",
		'w': "ŵ", 'y': "ýÿŷ", 'z': "źżž",
	} {
		for _, r := range marked {
			m[r] = base
		}
	}
	return m
}()

var monthNames = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

// month reads a month's name or its abbreviation (1..12, 0 when none);
// "May" and "March" only with a capital ("you may", "they march").
func month(rw rawWord) int {
	w := rw.text
	if !rw.cap && (w == "may" || w == "march" || w == "mar") {
		return 0
	}
	for i, m := range monthNames {
		if w == m || len(w) >= 3 && len(w) < len(m) && strings.HasPrefix(m, w) && (len(w) == 3 || w == "sept") {
			return i + 1
		}
	}
	return 0
}

// dayOf reads a day of the month: "7", "07", "7th", "seventh".
func dayOf(w rawWord) int {
	t := w.text
	if o, ok := ordinalWords[t]; ok {
		return o
	}
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		t = strings.TrimSuffix(t, suf)
	}
	if len(t) == 0 || len(t) > 2 || strings.Trim(t, "0123456789") != "" {
		return 0
	}
	d, _ := strconv.Atoi(t)
	if d < 1 || d > 31 {
		return 0
	}
	return d
}

// yearOf reads a year of three or four digits.
func yearOf(w rawWord) int {
	if len(w.text) < 3 || len(w.text) > 4 || strings.Trim(w.text, "0123456789") != "" {
		return 0
	}
	y, _ := strconv.Atoi(w.text)
	return y
}

// isoDate is a date written year-month-day, or year-month.
var isoDate = regexp.MustCompile(`^([0-9]{4})-([0-9]{1,2})(?:-([0-9]{1,2}))?$`)

// readDates writes "7 November 1867", "the 7th of November, 1867",
// "November 7, 1867", "Nov. 7 1867" and "1867-11-7" as "1867-11-07"; a
// month and a year as "1867-11", a day and a month without a year as
// "11-07". Each date is one word.
func readDates(ws []rawWord) []rawWord {
	var out []rawWord
	for i := 0; i < len(ws); i++ {
		at := func(k int) rawWord {
			if i+k < len(ws) {
				return ws[i+k]
			}
			return rawWord{}
		}
		emit := func(n int, text string) {
			out = append(out, rawWord{text: text, num: true})
			i += n - 1
		}
		// written year-month-day or year-month
		if iso := isoDate.FindStringSubmatch(at(0).text); iso != nil {
			y, _ := strconv.Atoi(iso[1])
			m, _ := strconv.Atoi(iso[2])
			d, _ := strconv.Atoi(iso[3])
			switch {
			case m < 1 || m > 12 || d > 31:
			case iso[3] == "":
				emit(1, fmt.Sprintf("%04d-%02d", y, m))
				continue
			case d > 0:
				emit(1, isoDay(y, m, d))
				continue
			}
		}
		// day [of] month [year]
		if d := dayOf(at(0)); d > 0 {
			k := 1
			if at(k).text == "of" {
				k++
			}
			if m := month(at(k)); m > 0 {
				if y := yearOf(at(k + 1)); y > 0 {
					emit(k+2, isoDay(y, m, d))
				} else {
					emit(k+1, fmt.Sprintf("%02d-%02d", m, d))
				}
				continue
			}
		}
		// month day [year], month year
		if m := month(at(0)); m > 0 {
			if d := dayOf(at(1)); d > 0 && yearOf(at(1)) == 0 {
				if y := yearOf(at(2)); y > 0 {
					emit(3, isoDay(y, m, d))
				} else {
					emit(2, fmt.Sprintf("%02d-%02d", m, d))
				}
				continue
			}
			if y := yearOf(at(1)); y > 0 {
				emit(2, fmt.Sprintf("%04d-%02d", y, m))
				continue
			}
		}
		out = append(out, ws[i])
	}
	return out
}

func isoDay(y, m, d int) string {
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

var numberWords = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

var scaleWords = map[string]float64{"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19, "twentieth": 20, "thirtieth": 30, "hundredth": 100, "thousandth": 1000,
}

// readNumbers writes numbers in digits: "70,000", "70 thousand" and
// "seventy thousand" are "70000", "3,5" and "3.5" are "3.5", "seventh" and
// "7th" are "7th". A number whose separators can be read two ways keeps
// the English reading ("1,500" is 1500, "1.500" is 1.5).
func readNumbers(ws []rawWord) []rawWord {
	var out []rawWord
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if o, ok := ordinalWords[w.text]; ok {
			out = append(out, rawWord{text: ordinal(o), num: true})
			continue
		}
		if d := dayOf(w); d > 0 && w.num && strings.Trim(w.text, "0123456789") != "" {
			out = append(out, rawWord{text: ordinal(d), num: true})
			continue
		}
		v, n, ok := numberAt(ws[i:])
		if !ok {
			out = append(out, w)
			continue
		}
		out = append(out, rawWord{text: formatValue(v), num: true})
		i += n - 1
	}
	return out
}

// numberAt reads the number that starts ws: digits (maybe followed by a
// scale word, "3.5 million") or number words ("two hundred and five").
// It returns the value and how many words it took.
func numberAt(ws []rawWord) (float64, int, bool) {
	if len(ws) == 0 {
		return 0, 0, false
	}
	if ws[0].num {
		if strings.ContainsAny(ws[0].text, ".,") || strings.HasPrefix(ws[0].text, "-") || len(ws) > 1 && scaleWords[ws[1].text] > 0 {
			v, ok := readDigits(ws[0].text)
			if !ok {
				return 0, 0, false
			}
			if len(ws) > 1 && scaleWords[ws[1].text] > 0 {
				return v * scaleWords[ws[1].text], 2, true
			}
			return v, 1, true
		}
		return 0, 0, false // plain digits stay as written
	}
	total, current := 0.0, 0.0
	n, last := 0, ""
	for n < len(ws) {
		t := ws[n].text
		unit, isUnit := numberWords[t]
		scale, isScale := scaleWords[t]
		switch {
		case isUnit && (last == "" || last == "scale" || last == "and" || last == "tens" && unit < 10 && unit > 0):
			current += unit
			if unit >= 20 && math.Mod(unit, 10) == 0 {
				last = "tens"
			} else {
				last = "unit"
			}
		case isScale && (last == "unit" || last == "tens" || last == "a" || last == "scale" && scale > 100):
			if last == "a" {
				current = 1
			}
			if scale == 100 {
				current *= 100
			} else {
				total += current * scale
				current = 0
			}
			last = "scale"
		case (t == "a" || t == "an") && last == "" && len(ws) > n+1 && scaleWords[ws[n+1].text] > 0:
			last = "a"
		case t == "and" && last == "scale" && len(ws) > n+1 && numberWords[ws[n+1].text] > 0:
			last = "and"
		default:
			goto done
		}
		n++
	}
done:
	if last == "and" || last == "a" {
		n--
	}
	if n == 0 || last == "" {
		return 0, 0, false
	}
	return total + current, n, true
}

// readDigits reads a number written with digits and separators.
func readDigits(t string) (float64, bool) {
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(t, "-")
	commas, dots := strings.Count(t, ","), strings.Count(t, ".")
	grouped := func(s, sep string) bool { // "70,000,000": groups of three
		parts := strings.Split(s, sep)
		for _, p := range parts[1:] {
			if len(p) != 3 {
				return false
			}
		}
		return len(parts[0]) >= 1 && len(parts[0]) <= 3
	}
	switch {
	case commas == 0 && dots <= 1:
	case dots == 0 && commas == 1 && !grouped(t, ","): // "3,5": a decimal comma
		t = strings.Replace(t, ",", ".", 1)
	case commas > 0 && dots <= 1 && strings.LastIndex(t, ",") < strings.Index(t+".", ".") && grouped(strings.Split(t, ".")[0], ","): // "70,000", "1,234.5"
		t = strings.ReplaceAll(t, ",", "")
	case dots > 0 && commas <= 1 && strings.LastIndex(t, ".") < strings.Index(t+",", ",") && grouped(strings.Split(t, ",")[0], "."): // "1.000.000", "1.234,5"
		t = strings.Replace(strings.ReplaceAll(t, ".", ""), ",", ".", 1)
	default:
		return 0, false
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// ordinal writes 1 as "1st", 22 as "22nd", 13 as "13th".
func ordinal(n int) string {
	suf := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suf = "st"
		case 2:
			suf = "nd"
		case 3:
			suf = "rd"
		}
	}
	return strconv.Itoa(n) + suf
}

func formatValue(v float64) string {
	if math.Abs(v) < 1e15 {
		v = math.Round(v*1e6) / 1e6
	}
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// A spelling slip: in a word of seven letters or more, one letter added,
// dropped, changed, or two neighbours swapped (one Damerau edit), never in
// the first letter and never in a word with digits. In a name (a word
// written with a capital, in the key or in the answer) only a swap or a
// doubled letter counts: changing a letter of a name often makes another
// name ("Iceland" is not "Ireland", "Johnson" is not "Johnston").
const slipMinLetters = 7

// slipOf reports whether given is the accepted answer with one spelling
// slip in one word.
func slipOf(accepted, given answerForm) bool {
	if len(accepted.words) != len(given.words) {
		return false
	}
	slips := 0
	for i, a := range accepted.words {
		g := given.words[i]
		if a == g {
			continue
		}
		slips++
		if slips > 1 || !wordSlip(a, g, accepted.caps[i] || given.caps[i]) {
			return false
		}
	}
	return slips == 1
}

func wordSlip(key, given string, name bool) bool {
	k, g := []rune(key), []rune(given)
	if len(k) < slipMinLetters || !allLetters(k) || !allLetters(g) || k[0] != g[0] {
		return false
	}
	switch len(g) - len(k) {
	case 0:
		diff := -1
		for i := range k {
			if k[i] != g[i] {
				diff = i
				break
			}
		}
		if diff < 1 {
			return false
		}
		// two neighbours swapped
		if diff+1 < len(k) && k[diff] == g[diff+1] && k[diff+1] == g[diff] && string(k[diff+2:]) == string(g[diff+2:]) {
			return true
		}
		// one letter changed
		return !name && string(k[diff+1:]) == string(g[diff+1:])
	case 1: // a letter added
		return oneAdded(k, g, name)
	case -1: // a letter dropped
		return oneAdded(g, k, name)
	}
	return false
}

// oneAdded reports whether long is short with one letter added after the
// first; in a name only a doubled letter ("Mississsippi") counts.
func oneAdded(short, long []rune, name bool) bool {
	i := 0
	for i < len(short) && short[i] == long[i] {
		i++
	}
	if i == 0 || string(short[i:]) != string(long[i+1:]) {
		return false
	}
	if !name {
		return true
	}
	return long[i] == long[i-1] || i+1 < len(long) && long[i] == long[i+1]
}

func allLetters(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

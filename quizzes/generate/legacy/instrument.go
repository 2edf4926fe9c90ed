package legacy

import "strings"

// instrumentVerbs introduce what a subject worked with: "they collaborated
// ... in utilizing facial recognition AI technology to identify ...".
var instrumentVerbs = set("using utilizing utilising employing applying deploying")

// useVerbs as a main verb take the instrument as their object.
var useVerbs = set("use utilize utilise employ deploy")

// instrumentNouns are heads that a question names: "What technology did
// they use?" rather than "What did they use?".
var instrumentNouns = set("technology technologies system systems software method methods technique techniques " +
	"tool tools equipment device devices weapon weapons model models algorithm algorithms machine machines " +
	"program programs platform platforms language languages material materials instrument instruments " +
	"data process processes approach approaches satellite satellites drones drone camera cameras")

// instrumentQuestions ask what the subject of c used, and for what:
// "What technology did South Korea's intelligence service use to identify
// North Korean officers?".
func (d *document) instrumentQuestions(c *clause) []candidate {
	toks := c.s.Toks
	first := c.main
	if len(c.aux) > 0 {
		first = c.aux[0]
	}
	do := ""
	switch w := strings.ToLower(toks[first].Text); {
	case toks[first].Tag == "VBD" || w == "has" || w == "have" || w == "had":
		do = "did"
	case toks[first].Tag == "VBZ":
		do = "does"
	case toks[first].Tag == "VBP":
		do = "do"
	default:
		return nil
	}
	subj := d.subjectText(c)
	if subj == "" || c.subj[1]-c.subj[0] > 8 {
		return nil
	}
	var out []candidate
	k := c.main + 1
	if useVerbs[lemma(toks[c.main].Text, toks[c.main].Tag)] && !c.passive {
		k = c.main // "The museum used infrared imaging to ..."
	}
	for ; k+1 < len(toks); k++ {
		if k > c.main && (toks[k].Tag == "," || toks[k].Tag == ".") {
			break // another clause
		}
		if k > c.main && !instrumentVerbs[strings.ToLower(toks[k].Text)] {
			continue
		}
		i := k + 1
		j := npEnd(toks, i)
		if j <= i || j-i > 8 || toks[i].Tag == "PRP" {
			continue
		}
		key, alts := d.answerForms(c.s.Index, i, j)
		if isVague(key) {
			continue
		}
		what := "What"
		if head := strings.ToLower(toks[j-1].Text); instrumentNouns[head] && j-i > 1 {
			what = "What " + head
			alts = append(alts, d.words(c.s.Index, i, j-1)) // "facial recognition AI"
		}
		purpose := ""
		if j+1 < len(toks) && toks[j].Tag == "TO" && toks[j+1].Tag == "VB" {
			e := j + 1
			for e < len(toks) && e < j+10 && !isBoundary(toks[e]) && toks[e].Tag != "WDT" && toks[e].Tag != "WP" && toks[e].Tag != "CC" {
				e++
			}
			purpose = d.words(c.s.Index, j, e)
		}
		out = append(out, candidate{
			prompt:   question(what, do, subj, "use", purpose),
			answer:   key,
			alts:     alts,
			atype:    eThing,
			sent:     c.s.Index,
			template: "instrument.use",
			score:    0.75,
		})
	}
	return out
}

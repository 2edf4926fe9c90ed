package nlp

// entityMisc gives, for each sentence and token of d, the MISC item that
// carries the entity mentions and chains at that token in GUM's bracket
// style ("Entity=(1-person-Daniel_Bernoulli" ... "Entity=1)"), "" for none.
// WriteConllu puts it in column 10. The entity stage fills it in; until a
// Document has mentions it returns nil.
func entityMisc(d *Document) [][]string {
	if len(d.Mentions) == 0 {
		return nil
	}
	out := EntityBrackets(d)
	for s := range out {
		for t, v := range out[s] {
			if v != "" {
				out[s][t] = "Entity=" + v
			}
		}
	}
	return out
}

package nlp

// The two stages after parsing. They belong to the entity and reference
// models; until those are trained, a Document has no mentions and no chains.

// findEntities fills d.Mentions: typed entity mentions over parsed
// sentences.
func (a *Analyzer) findEntities(d *Document) {}

// resolveReferences fills d.Chains and each mention's Chain: which
// pronouns and short names stand for which entity.
func (a *Analyzer) resolveReferences(d *Document) {}

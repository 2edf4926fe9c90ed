package generate

// attributions asks who said a reported clause: "This scenario could lead
// to ..., Motyl suggested." -> "Who suggested that this scenario could lead
// to ...?".
func (d *document) attributions(s *sentence) []candidate { return nil }

"""What a line says of talks and speakers: names, speaker lines, talk titles and labels, evidence, talk candidates
(headings, bold and plain lines, list items, table rows), media links."""

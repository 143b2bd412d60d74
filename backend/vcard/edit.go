package vcard

import "strings"

// Add appends properties to the card.
func (c *Card) Add(props ...*Property) {
	c.Properties = append(c.Properties, props...)
}

// InsertAfter inserts p right after ref; when ref is not in the card, p is
// appended.
func (c *Card) InsertAfter(ref, p *Property) {
	for i, q := range c.Properties {
		if q == ref {
			c.Properties = append(c.Properties, nil)
			copy(c.Properties[i+2:], c.Properties[i+1:])
			c.Properties[i+1] = p
			return
		}
	}
	c.Properties = append(c.Properties, p)
}

// Remove deletes p (by identity) and reports whether it was there.
func (c *Card) Remove(p *Property) bool {
	for i, q := range c.Properties {
		if q == p {
			c.Properties = append(c.Properties[:i], c.Properties[i+1:]...)
			return true
		}
	}
	return false
}

// RemoveAll deletes every property with the given name (case-insensitive)
// and returns how many were removed.
func (c *Card) RemoveAll(name string) int {
	return c.removeWhere(func(q *Property) bool { return strings.EqualFold(q.Name, name) })
}

// RemoveGroup deletes every property of the group (case-insensitive), for
// example an item1.EMAIL together with its item1.X-ABLabel, and returns how
// many were removed.
func (c *Card) RemoveGroup(group string) int {
	if group == "" {
		return 0
	}
	return c.removeWhere(func(q *Property) bool { return strings.EqualFold(q.Group, group) })
}

// removeWhere deletes the properties for which drop is true, keeping the
// order of the rest, and returns how many it removed.
func (c *Card) removeWhere(drop func(*Property) bool) int {
	out := c.Properties[:0]
	n := 0
	for _, q := range c.Properties {
		if drop(q) {
			n++
			continue
		}
		out = append(out, q)
	}
	clear(c.Properties[len(out):]) // let the removed properties be collected
	c.Properties = out
	return n
}

// Replace puts repl at the position of old and reports whether old was
// there.
func (c *Card) Replace(old, repl *Property) bool {
	for i, q := range c.Properties {
		if q == old {
			c.Properties[i] = repl
			return true
		}
	}
	return false
}

// Set sets the Value of the first property with the given name, or appends
// a new property when there is none, and returns it. Other properties are
// untouched. For structured and list properties value must be in escaped
// form.
func (c *Card) Set(name, value string) *Property {
	if p := c.Get(name); p != nil {
		p.Value = value
		return p
	}
	p := NewProperty(name, value)
	c.Add(p)
	return p
}

// SetValue sets the property's Value (unescaped text for text properties).
func (p *Property) SetValue(v string) { p.Value = v }

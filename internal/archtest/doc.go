// Package archtest holds the test that keeps the rooms of docs/architecture.md
// apart: which package of this module may import which. It has no code of its
// own; a new package fails the test until it is given its place.
package archtest

// Package pcsc talks to smart card readers through PC/SC and turns its
// failures into this package's typed errors.
package pcsc

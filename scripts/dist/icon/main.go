// Command icon draws jpkicheck.exe's icon: a card with its chip and a
// check mark, 256×256 PNG, the same bytes on every run (make dist embeds
// it with go-winres, so the release build stays reproducible).
//
//	go run ./scripts/dist/icon -o icon.png
package main

import (
	"flag"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

func main() {
	out := flag.String("o", "icon.png", "output PNG")
	flag.Parse()
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, draw(256)); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

var (
	cardBlue = color.NRGBA{0x1f, 0x5f, 0xa8, 0xff}
	chipGold = color.NRGBA{0xe8, 0xb9, 0x3c, 0xff}
	checkGrn = color.NRGBA{0x2e, 0xa0, 0x4f, 0xff}
	white    = color.NRGBA{0xff, 0xff, 0xff, 0xff}
)

func draw(n int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	s := float64(n) / 256
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			px, py := (float64(x)+0.5)/s, (float64(y)+0.5)/s
			var c color.NRGBA
			switch {
			case dist(px, py, 184, 178) < 58:
				c = white
				if dist(px, py, 184, 178) < 50 {
					c = checkGrn
					if onCheck(px, py) {
						c = white
					}
				}
			case roundRect(px, py, 16, 48, 240, 208, 20):
				c = cardBlue
				if roundRect(px, py, 40, 90, 100, 140, 8) {
					c = chipGold
				}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

func dist(x, y, cx, cy float64) float64 { return math.Hypot(x-cx, y-cy) }

func roundRect(x, y, x0, y0, x1, y1, r float64) bool {
	if x < x0 || x > x1 || y < y0 || y > y1 {
		return false
	}
	cx := math.Max(x0+r, math.Min(x, x1-r))
	cy := math.Max(y0+r, math.Min(y, y1-r))
	return dist(x, y, cx, cy) <= r
}

// onCheck: two thick strokes forming a check mark inside the circle.
func onCheck(x, y float64) bool {
	return segDist(x, y, 158, 180, 177, 199) < 8 || segDist(x, y, 177, 199, 212, 158) < 8
}

func segDist(x, y, ax, ay, bx, by float64) float64 {
	dx, dy := bx-ax, by-ay
	t := ((x-ax)*dx + (y-ay)*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	return dist(x, y, ax+t*dx, ay+t*dy)
}

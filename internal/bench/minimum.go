package bench

// The theoretical minimum of each operation in APDUs and bytes, for a
// certificate of DER length L, with short APDUs: public clients read with
// Le ≤ 256, and whether READ BINARY takes an extended Le is not publicly
// known (docs/protocol.md, "APDUs"). A fresh process knows nothing about the
// card's state, so every operation starts with SELECT AP.
var (
	selectAP    = Traffic{APDUs: 1, Sent: 5 + 10, Received: 2} // 00 A4 04 0C 0A <AID> → 90 00
	selectEF    = Traffic{APDUs: 1, Sent: 5 + 2, Received: 2}  // 00 A4 02 0C 02 <EF> → 90 00
	emptyVerify = Traffic{APDUs: 1, Sent: 4, Received: 2}      // 00 20 00 80 → 63 Cx
)

// chunk is the largest short READ BINARY (Le 00).
const chunk = 256

// readBinary is ⌈l/256⌉ READ BINARY returning exactly l bytes.
func readBinary(l int) Traffic {
	k := (l + chunk - 1) / chunk
	return Traffic{APDUs: k, Sent: 5 * k, Received: l + 2*k, ReadData: l}
}

// MinRead is SELECT AP, SELECT EF, then ⌈L/256⌉ READ BINARY returning
// exactly the L bytes of the DER (export auth).
func MinRead(l int) Traffic {
	return selectAP.Add(selectEF).Add(readBinary(l))
}

// pinCounters is, per PIN, SELECT of its EF and an empty VERIFY that
// answers 63 Cx without spending a try.
func pinCounters() Traffic {
	one := selectEF.Add(emptyVerify)
	return one.Add(one)
}

// MinPINs is SELECT AP and both PIN counters (pin status).
func MinPINs() Traffic { return selectAP.Add(pinCounters()) }

// MinCheck is the no-PIN check: the whole certificate (its signature is
// checked) and both PIN counters, in one session (one SELECT AP).
func MinCheck(l int) Traffic { return MinRead(l).Add(pinCounters()) }

// MinQuick is the check that stops after the first chunk (--quick): the
// validity sits in its first ~200 bytes, and the first READ BINARY asks
// for a full chunk because the DER length is not known before it.
func MinQuick(l int) Traffic { return MinCheck(min(l, chunk)) }

/** "0x1234…cdef": enough of an address to recognise it. */
export const shortAddress = (address: string, keep = 6) =>
  address.length <= keep * 2 + 1 ? address : `${address.slice(0, keep)}…${address.slice(-keep + 2)}`;

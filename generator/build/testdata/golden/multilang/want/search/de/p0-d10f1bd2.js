(window.KBSearchData=window.KBSearchData||[]).push(["de/p0-d10f1bd2.js","0"]);

(window.KBSearchData=window.KBSearchData||[]).push(["en/p0-daf71cb1.js","01"]);

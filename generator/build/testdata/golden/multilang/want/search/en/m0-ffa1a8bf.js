(window.KBSearchData=window.KBSearchData||[]).push(["en/m0-ffa1a8bf.js",{"s":[""],"h":["fd38c0c9"]}]);

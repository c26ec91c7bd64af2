(window.KBSearchData=window.KBSearchData||[]).push(["en/m0-3396ad1d.js",{"s":[""],"h":["177f0088"]}]);
